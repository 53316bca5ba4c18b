import Foundation

/// A sentence of a labelled NER corpus: tokens and their BIO tags
/// (`B-PER`, `I-ORG`, `O`), types limited to PER, ORG, LOC and MISC.
public struct LabelledSentence: Sendable, Equatable {
    public var words: [String]
    public var tags: [String]
}

/// Reads the freely licensed corpora in `shared/ner/` (see its README):
/// WikiGold (CoNLL, IOB1), Universal NER English-EWT and -PUD (IOB2
/// columns), the Broad Twitter Corpus and WNUT-17 (tab-separated IOB2).
public enum NERCorpus {
    public static let types = ["PER", "ORG", "LOC", "MISC"]

    /// WikiGold: `word TAG` lines, IOB1 (`I-` everywhere, `B-` only between
    /// two adjacent entities of one type); converted to IOB2.
    public static func readWikiGold(_ path: String) throws -> [LabelledSentence] {
        try readColumns(path, wordColumn: 0, tagColumn: 1, separator: " ", iob1: true)
    }

    /// UNER: `index word TAG - -` tab-separated, `#` comments, IOB2.
    public static func readUNER(_ path: String) throws -> [LabelledSentence] {
        try readColumns(path, wordColumn: 1, tagColumn: 2, separator: "\t", iob1: false)
    }

    /// Broad Twitter Corpus and WNUT-17: `word<TAB>TAG`, IOB2. WNUT's types
    /// are mapped to ours (person → PER, location → LOC, corporation and
    /// group → ORG); products and creative works are not MISC in our sense
    /// (nationalities, events) and become `O`.
    public static func readTabbed(_ path: String) throws -> [LabelledSentence] {
        try readColumns(path, wordColumn: 0, tagColumn: 1, separator: "\t", iob1: false, typeNames: wnutTypes)
    }

    private static let wnutTypes = ["person": "PER", "location": "LOC", "corporation": "ORG", "group": "ORG"]

    private static func readColumns(_ path: String, wordColumn: Int, tagColumn: Int, separator: Character,
                                    iob1: Bool, typeNames: [String: String] = [:]) throws -> [LabelledSentence] {
        guard let data = FileManager.default.contents(atPath: path) else { throw SystemError("open", path: path, code: ENOENT) }
        var sentences: [LabelledSentence] = []
        var words: [String] = []
        var tags: [String] = []
        func close() {
            if !words.isEmpty { sentences.append(LabelledSentence(words: words, tags: iob1 ? toIOB2(tags) : tags)) }
            words = []
            tags = []
        }
        for line in String(decoding: data, as: UTF8.self).split(separator: "\n", omittingEmptySubsequences: false) {
            if line.isEmpty { close(); continue }
            if line.hasPrefix("#") || line.hasPrefix("-DOCSTART-") { continue }
            let columns = line.split(separator: separator, omittingEmptySubsequences: false)
            guard columns.count > max(wordColumn, tagColumn) else { continue }
            words.append(String(columns[wordColumn]))
            tags.append(normalize(String(columns[tagColumn]), typeNames: typeNames))
        }
        close()
        return sentences
    }

    /// Keeps PER/ORG/LOC/MISC, maps everything else to `O`.
    private static func normalize(_ tag: String, typeNames: [String: String]) -> String {
        guard tag.count > 2, let dash = tag.firstIndex(of: "-") else { return "O" }
        let written = String(tag[tag.index(after: dash)...])
        let type = typeNames[written] ?? written
        return types.contains(type) ? String(tag[..<dash]) + "-" + type : "O"
    }

    static func toIOB2(_ tags: [String]) -> [String] {
        var result: [String] = []
        for (index, tag) in tags.enumerated() {
            guard tag.hasPrefix("I-") else { result.append(tag); continue }
            let type = tag.dropFirst(2)
            let previous = index > 0 ? tags[index - 1] : "O"
            result.append(previous.dropFirst(2) == type && previous != "O" ? tag : "B-" + type)
        }
        return result
    }

    /// Entity spans (type, first token, end token exclusive) of IOB2 tags.
    public static func spans(_ tags: [String]) -> [(type: String, start: Int, end: Int)] {
        var spans: [(type: String, start: Int, end: Int)] = []
        var open: (type: String, start: Int)?
        for (index, tag) in tags.enumerated() {
            // Most tokens are outside any name: they close the open span, with no type to read.
            if tag == "O" {
                if let current = open { spans.append((current.type, current.start, index)) }
                open = nil
                continue
            }
            let type = tag.count > 2 ? String(tag.dropFirst(2)) : ""
            if tag.hasPrefix("I-"), let current = open, current.type == type { continue }
            if let current = open { spans.append((current.type, current.start, index)) }
            open = tag == "O" ? nil : (type, index)
        }
        if let current = open { spans.append((current.type, current.start, tags.count)) }
        return spans
    }
}
