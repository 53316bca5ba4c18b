/// One mention of an entity in a document's clean text.
public struct EntityMention: Sendable, Equatable {
    public enum Kind: String, Sendable, CaseIterable {
        case person = "PER", organization = "ORG", location = "LOC", miscellaneous = "MISC"
        case date = "DATE", time = "TIME", money = "MONEY", percent = "PERCENT", quantity = "QUANTITY"
    }

    public var kind: Kind
    /// The mention as written: exactly the clean text from `start` to `end`.
    public var text: String
    /// Code-point offsets in the clean text, end exclusive.
    public var start: Int
    public var end: Int
    /// A normalised value where one exists: ISO 8601 for dates and times
    /// (resolved against the publication date), a number for the rest.
    public var value: String?
    /// What `value` counts: the ISO 4217 currency of MONEY (when the text
    /// names one), `%` for PERCENT, the unit or the things counted for
    /// QUANTITY (`hours`, `km`, `troops`).
    public var unit: String?

    public init(kind: Kind, text: String, start: Int, end: Int, value: String? = nil, unit: String? = nil) {
        self.kind = kind
        self.text = text
        self.start = start
        self.end = end
        self.value = value
        self.unit = unit
    }
}
