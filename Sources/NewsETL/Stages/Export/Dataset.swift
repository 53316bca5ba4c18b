/// The shape of one exported dataset (`documents`, `rejects`, `duplicates`):
/// the same columns in the same order in CSV, JSONL and XML.
public struct Dataset: Sendable, Equatable {
    public enum Kind: Sendable, Equatable {
        case text, integer, decimal
    }

    public struct Column: Sendable, Equatable {
        public var name: String
        public var kind: Kind
        public init(_ name: String, _ kind: Kind = .text) {
            self.name = name
            self.kind = kind
        }
    }

    /// File stem and XML root element (`documents` → `documents.csv`, `<documents>`).
    public var name: String
    /// XML element of one record (`<document>`).
    public var recordElement: String
    public var columns: [Column]
}

/// One cell; `missing` is an empty CSV field, JSON `null`, an absent XML element.
public enum FieldValue: Sendable, Equatable {
    case text(String)
    case integer(Int)
    case decimal(Double)
    case missing

    init(_ text: String?) {
        self = text.map(FieldValue.text) ?? .missing
    }

    /// The value as CSV and XML write it.
    var plainText: String? {
        switch self {
        case .text(let text): return text
        case .integer(let value): return String(value)
        case .decimal(let value): return JSONText.decimal(value)
        case .missing: return nil
        }
    }
}
