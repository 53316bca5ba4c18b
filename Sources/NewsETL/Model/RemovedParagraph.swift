/// A paragraph the clean stage took out of a document, kept so an analyst
/// who doubts a removal can see what went and why.
public struct RemovedParagraph: Sendable, Equatable {
    /// Position among the document's paragraphs, from 0: non-empty lines of
    /// the decoded text, or runs of lines where the text is hard-wrapped.
    public var index: Int
    /// Start and end offsets in the decoded text, in Unicode code points
    /// (what Python's `str` indexes), end exclusive.
    public var start: Int
    public var end: Int
    public var text: String
    /// The rule that removed it, `category` or `category:name` (`comments:leave-a-reply`).
    public var rule: String

    public init(index: Int, start: Int, end: Int, text: String, rule: String) {
        self.index = index
        self.start = start
        self.end = end
        self.text = text
        self.rule = rule
    }
}
