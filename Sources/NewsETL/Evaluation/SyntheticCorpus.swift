import Foundation

/// Deterministic synthetic news reports with planted copies, for measuring
/// the dedupe stage at scale: base reports of about `wordsPerReport` words
/// (numbers and capitalised names included), and for a share of them one
/// copy of a known kind — re-send, trim, expansion, edited sentence, or
/// boilerplate swap. Reports are made one at a time, never held together.
public struct SyntheticCorpus: Sendable {
    public enum CopyKind: String, Sendable, CaseIterable {
        case resend, trim, expansion, editedSentence = "edited-sentence", boilerplateSwap = "boilerplate-swap"
    }

    public struct Report: Sendable {
        public var document: Document
        /// For a planted copy: the index of the report it copies, and how.
        public var copyOf: (index: Int, kind: CopyKind)?
    }

    public let count: Int
    public let wordsPerReport: Int
    /// Every `copyEvery`-th report is a copy of an earlier one.
    public let copyEvery: Int
    private let vocabulary: [String]
    private let names: [String]

    public init(count: Int, wordsPerReport: Int = 480, copyEvery: Int = 10) {
        self.count = count
        self.wordsPerReport = wordsPerReport
        self.copyEvery = copyEvery
        var random = SplitMix(seed: 7)
        let syllables = ["ka", "lo", "mi", "ra", "te", "su", "no", "vi", "de", "po", "ar", "en", "ul", "is", "or", "an", "et", "im"]
        vocabulary = (0..<30_000).map { _ in
            (0..<Int.random(in: 1...3, using: &random)).map { _ in syllables.randomElement(using: &random)! }.joined()
        }
        names = (0..<5_000).map { _ in
            let name = (0..<Int.random(in: 2...3, using: &random)).map { _ in syllables.randomElement(using: &random)! }.joined()
            return name.prefix(1).uppercased() + name.dropFirst()
        }
    }

    /// Report `index`; the same index always gives the same report.
    public func report(_ index: Int) -> Report {
        let isCopy = index > 0 && index % copyEvery == copyEvery - 1
        guard isCopy else { return Report(document: document(index, text: baseText(index)), copyOf: nil) }
        let original = index - 1 - (index / copyEvery) % min(index, 50)
        let originalIndex = original % copyEvery == copyEvery - 1 ? original - 1 : original
        let kind = CopyKind.allCases[(index / copyEvery) % CopyKind.allCases.count]
        var random = SplitMix(seed: UInt64(index) &* 31 &+ 1)
        var sentences = baseText(originalIndex)
        switch kind {
        case .resend:
            break
        case .trim:
            sentences = Array(sentences.prefix(max(1, sentences.count * 6 / 10)))
        case .expansion:
            sentences += baseText(count + index).prefix(sentences.count * 4 / 10)
        case .editedSentence:
            let target = Int.random(in: 0..<sentences.count, using: &random)
            var words = sentences[target].split(separator: " ").map(String.init)
            for position in stride(from: 1, to: words.count, by: 4) where !words[position].first!.isNumber {
                words[position] = vocabulary.randomElement(using: &random)!
            }
            sentences[target] = words.joined(separator: " ")
        case .boilerplateSwap:
            sentences.append("Share this story on social media and subscribe to our newsletter for the morning briefing every day.")
        }
        return Report(document: document(index, text: sentences), copyOf: (originalIndex, kind))
    }

    private func baseText(_ seed: Int) -> [String] {
        var random = SplitMix(seed: UInt64(seed) &* 2_654_435_761 &+ 17)
        var sentences: [String] = []
        var words = 0
        while words < wordsPerReport {
            let length = Int.random(in: 14...28, using: &random)
            var sentence: [String] = [names.randomElement(using: &random)!]
            for position in 1..<length {
                switch Int.random(in: 0..<20, using: &random) {
                case 0: sentence.append(String(Int.random(in: 2...99_999, using: &random)))
                case 1, 2: sentence.append(names.randomElement(using: &random)!)
                default:
                    // Zipf-like: low ranks far more often.
                    let rank = Int(Double(vocabulary.count) * pow(Double.random(in: 0..<1, using: &random), 3))
                    sentence.append(vocabulary[rank])
                }
                _ = position
            }
            sentences.append(sentence.joined(separator: " ") + ".")
            words += length
        }
        return sentences
    }

    private func document(_ index: Int, text sentences: [String]) -> Document {
        let text = sentences.joined(separator: " ")
        let path = "synthetic/\(index).txt"
        return Document(docID: DecodeStage.docID(forRelativePath: path), sourcePath: path, sha256: "", byteCount: text.utf8.count,
                        encoding: "utf-8", format: .text, title: nil, published: nil, source: nil, canonicalURL: nil, text: text,
                        wordCount: words(text))
    }

    private func words(_ text: String) -> Int { text.split(separator: " ").count }
}
