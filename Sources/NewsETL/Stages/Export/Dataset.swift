/// The declaration of one exported dataset: its columns, in the order every
/// format writes them, with what an analyst needs to know about each. The
/// CSV, JSONL and XML writers, the XML schema (`XMLSchemaText`), `verify`
/// and the data dictionary all read this one declaration (see `Datasets`).
public struct Dataset: Sendable, Equatable {
    public struct Column: Sendable, Equatable {
        public var name: String
        public var type: ColumnType
        /// What a number counts or measures (`bytes`, `words`, `code points`), if anything.
        public var unit: String?
        /// Whether a value may be missing (empty CSV field, JSON `null`, absent XML element).
        public var nullable: Bool
        /// One line for the data dictionary.
        public var description: String
        /// The values allowed beyond the type, when there is a rule (ids, closed sets, ranges).
        public var domain: ValueDomain?
        /// A typical value as the formats write it, for the data dictionary.
        public var example: String?
        /// The `dataset.column` whose values this column's values name
        /// (a foreign key in the SQLite database), if any.
        public var references: String?

        public init(_ name: String, _ type: ColumnType, example: String? = nil, unit: String? = nil, nullable: Bool = false,
                    domain: ValueDomain? = nil, references: String? = nil, _ description: String) {
            self.name = name
            self.references = references
            self.example = example
            self.type = type
            self.unit = unit
            self.nullable = nullable
            self.domain = domain
            self.description = description
        }
    }

    /// File stem and XML root element (`documents` → `documents.csv`, `<documents>`).
    public var name: String
    /// XML element of one record (`<document>`).
    public var recordElement: String
    /// One line for the data dictionary.
    public var description: String
    /// The columns whose values together are unique within the dataset (the
    /// SQLite primary key, an XML schema uniqueness constraint).
    public var key: [String]
    public var columns: [Column]
}

/// The type of a column's values, as analysts' tools should read them.
public enum ColumnType: String, Sendable, Equatable, CaseIterable {
    case string, integer, number, boolean
    /// ISO 8601 calendar date, `2025-03-05`.
    case date
    /// ISO 8601 date or date-time (`2025-03-05T10:20:00Z`).
    case timestamp
    /// Several strings in one cell, separated by `; `.
    case list
}

/// A rule on a column's values beyond its type; named, because the XML
/// schema declares each rule once as a simple type.
public struct ValueDomain: Sendable, Equatable {
    public enum Rule: Sendable, Equatable {
        case pattern(String)
        case oneOf([String])
        /// A decimal between the bounds, both included.
        case range(String, String)
        /// An integer of at least this value.
        case atLeast(Int)
    }

    public var name: String
    public var rule: Rule

    public static let sha256 = ValueDomain(name: "sha256", rule: .pattern("[0-9a-f]{64}"))
    public static let docID = ValueDomain(name: "docID", rule: .pattern("doc-[0-9a-f]{16}"))
    public static let entityID = ValueDomain(name: "entityID", rule: .pattern("ent-[0-9a-f]{12}"))
    public static let calendarDate = ValueDomain(name: "calendarDate", rule: .pattern(#"\d{4}-\d{2}-\d{2}"#))
    public static let utcTimestamp = ValueDomain(name: "utcTimestamp", rule: .pattern(#"\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}Z"#))
    public static let dateEvidence = ValueDomain(
        name: "dateEvidence", rule: .oneOf(["meta", "json-ld", "time", "byline", "url", "dateline"]))
    public static let languageCode = ValueDomain(name: "languageCode", rule: .pattern("[a-z]{2,3}"))
    public static let fraction = ValueDomain(name: "similarity", rule: .range("0", "1"))
    public static let sourceFormat = ValueDomain(name: "format", rule: .oneOf(SourceFormat.allCases.map(\.rawValue)))
    public static let entityType = ValueDomain(name: "entityType", rule: .oneOf(EntityMention.Kind.allCases.map(\.rawValue)))
    public static let duplicateKind = ValueDomain(name: "duplicateKind", rule: .oneOf(["exact", "near", "update"]))
    public static let rejectReason = ValueDomain(name: "rejectReason", rule: .oneOf(Rejection.Reason.allCases.map(\.rawValue)))
    public static let count = ValueDomain(name: "count", rule: .atLeast(0))
    public static let positiveCount = ValueDomain(name: "positiveCount", rule: .atLeast(1))
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

    /// The value as JSON writes it (`null` when missing), appended to `output`.
    func appendJSON(to output: inout [UInt8]) {
        switch self {
        case .text(let text): JSONText.appendQuoted(text, to: &output)
        case .integer(let number): output.append(contentsOf: String(number).utf8)
        case .decimal(let number): output.append(contentsOf: JSONText.decimal(number).utf8)
        case .missing: output.append(contentsOf: "null".utf8)
        }
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

/// A dataset together with how one record of type `Record` becomes a row:
/// the declaration and the code that fills each column, side by side.
struct RowLayout<Record>: Sendable {
    struct Field: Sendable {
        var column: Dataset.Column
        var value: @Sendable (Record) -> FieldValue
    }

    let dataset: Dataset
    private let values: [@Sendable (Record) -> FieldValue]

    init(name: String, recordElement: String, key: [String], description: String, fields: [Field]) {
        dataset = Dataset(name: name, recordElement: recordElement, description: description, key: key,
                          columns: fields.map(\.column))
        values = fields.map(\.value)
    }

    /// The same dataset without some columns (`documents` without `text`).
    func dropping(_ names: Set<String>) -> RowLayout {
        var fields: [Field] = []
        for (column, value) in zip(dataset.columns, values) where !names.contains(column.name) {
            fields.append(Field(column: column, value: value))
        }
        return RowLayout(name: dataset.name, recordElement: dataset.recordElement, key: dataset.key,
                         description: dataset.description, fields: fields)
    }

    func row(_ record: Record) -> [FieldValue] {
        values.map { $0(record) }
    }
}

extension RowLayout.Field {
    init(_ name: String, _ type: ColumnType, example: String? = nil, unit: String? = nil, nullable: Bool = false,
         domain: ValueDomain? = nil, references: String? = nil, _ description: String,
         _ value: @escaping @Sendable (Record) -> FieldValue) {
        self.init(column: Dataset.Column(name, type, example: example, unit: unit, nullable: nullable, domain: domain,
                                         references: references, description),
                  value: value)
    }
}
