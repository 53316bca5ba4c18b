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

extension Array where Element == RemovedParagraph {
    /// The paragraphs in runs of one rule, in order: a page's removals come
    /// in such runs (79k paragraphs, 2.9k runs in the dev sets), so totals
    /// by rule take one look-up per run rather than per paragraph.
    var runsByRule: [(rule: String, paragraphs: ArraySlice<RemovedParagraph>)] {
        var runs: [(rule: String, paragraphs: ArraySlice<RemovedParagraph>)] = []
        var start = startIndex
        while start < endIndex {
            let rule = self[start].rule
            let end = self[start...].firstIndex { $0.rule != rule } ?? endIndex
            runs.append((rule, self[start..<end]))
            start = end
        }
        return runs
    }
}
