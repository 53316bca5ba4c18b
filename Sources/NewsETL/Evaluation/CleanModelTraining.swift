import Foundation

/// Trains the clean stage's block model (`BlockModel`) on page sets with
/// gold article text, and measures it honestly: each set scored by a model
/// trained without it (leave one set out) and by cross-validation over
/// pages of every set, beside layout alone. Used by
/// `newsetl train-clean`; the page sets stay outside the repo.
public struct CleanModelTraining {
    public let decode: DecodeStage
    public let clean: CleanStage

    public init(decode: DecodeStage = DecodeStage(), clean: CleanStage = CleanStage()) {
        // Clean follows and identifies the language, as in a run's plan.
        var decode = decode
        decode.identifiesLanguage = false
        self.decode = decode
        self.clean = clean
    }

    /// A folder with `gold.jsonl` (id, body) and `pages/<id>.html`.
    public struct PageSet: Sendable {
        public var name: String
        public var folder: String
        public init(folder: String) {
            self.folder = folder
            name = (folder as NSString).lastPathComponent
        }
        public var goldPath: String { folder + "/gold.jsonl" }
        public var pagesFolder: String { folder + "/pages" }
    }

    /// Every block of every page with words, labelled article when at least
    /// half its word n-grams (n = 4, fewer for shorter blocks) occur in the
    /// page's gold text; each page weighs 1 in all, shared by words, and
    /// each set weighs 1 in all, so a large set does not drown a small one.
    public func examples(_ set: PageSet) throws -> [(id: String, blocks: [BlockModel.Example])] {
        guard let data = FileManager.default.contents(atPath: set.goldPath) else {
            throw SystemError("open", path: set.goldPath, code: ENOENT)
        }
        var pages: [(id: String, blocks: [BlockModel.Example])] = []
        for line in data.split(separator: UInt8(ascii: "\n")) {
            guard let object = try JSONSerialization.jsonObject(with: Data(line)) as? [String: Any],
                  let id = object["id"] as? String, let body = object["body"] as? String else { continue }
            let file = InputFile(relativePath: "\(id).html", absolutePath: "\(set.pagesFolder)/\(id).html")
            guard case .success(let document) = decode.decode(file, maxFileBytes: 50_000_000), let blocks = document.blocks else { continue }
            let paragraphs = Paragraph.split(document.text)
            guard blocks.count == paragraphs.count else { continue }
            let texts = paragraphs.map(\.text)
            let words = texts.map(TextNormalizer.wordCount)
            let selection = clean.region.selection(blocks: blocks, wordCounts: words)
            let features = BlockFeatures.vectors(blocks: blocks, wordCounts: words, texts: texts, selection: selection,
                                                 minWords: clean.region.minWords)
            let gold = GoldNGrams(ShingleScore.words(body))
            let scorerWords = texts.map(ShingleScore.words)
            let pageWords = Double(max(scorerWords.reduce(0) { $0 + $1.count }, 1))
            var page: [BlockModel.Example] = []
            for index in texts.indices where !scorerWords[index].isEmpty {
                page.append(BlockModel.Example(features: features[index], isArticle: gold.covers(scorerWords[index]),
                                               weight: Double(scorerWords[index].count) / pageWords))
            }
            pages.append((id, page))
        }
        let pageWeight = 1 / Double(max(pages.count, 1))
        return pages.map { page in (page.id, page.blocks.map { var example = $0; example.weight *= pageWeight; return example }) }
    }

    /// The scores of one set (or of the pages `only` names) under a given model (nil: layout alone).
    public func score(_ set: PageSet, model: BlockModel?, only: Set<String>? = nil) throws -> BoilerplateEvaluation.PageSetReport {
        var configured = clean
        configured.blockModel = model
        return try BoilerplateEvaluation(decode: decode, clean: configured)
            .scorePages(goldPath: set.goldPath, pagesFolder: set.pagesFolder, only: only)
    }

    /// The fold (of `folds`) a page belongs to in cross-validation: a stable
    /// hash of its id, so folds do not depend on file order.
    public static func fold(of id: String, folds: Int) -> Int {
        Int(StableHash.fnv1a(id) % UInt64(folds))
    }
}

/// The word n-grams (n = 1…4) of a gold text, for labelling blocks.
private struct GoldNGrams {
    var grams: [Set<UInt64>] = []

    init(_ words: [UInt64]) {
        for size in 1...ShingleScore.shingleSize {
            var set = Set<UInt64>()
            if words.count >= size {
                for start in 0...(words.count - size) { set.insert(ShingleScore.shingle(words[start..<(start + size)])) }
            }
            grams.append(set)
        }
    }

    func covers(_ words: [UInt64]) -> Bool {
        let size = min(ShingleScore.shingleSize, words.count)
        let total = words.count - size + 1
        var found = 0
        for start in 0...(words.count - size) where grams[size - 1].contains(ShingleScore.shingle(words[start..<(start + size)])) {
            found += 1
        }
        return found * 2 >= total
    }
}
