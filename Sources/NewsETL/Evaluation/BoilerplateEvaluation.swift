import Foundation

/// Scores the clean stage against hand-made gold: the L3S-GN1 news pages
/// (article body, word 4-gram precision and recall averaged over pages) and
/// the seed reports' GOLD.json (every boilerplate line removed, every other
/// line kept). Used by `newsetl eval clean`; the data stays outside the repo.
public struct BoilerplateEvaluation {
    public let decode: DecodeStage
    public let clean: CleanStage

    public init(decode: DecodeStage = DecodeStage(), clean: CleanStage = CleanStage()) {
        // Clean follows and identifies the language, as in a run's plan.
        var decode = decode
        decode.identifiesLanguage = false
        self.decode = decode
        self.clean = clean
    }

    public struct PageSetReport: Sendable {
        public var pages = 0
        public var precision = 0.0
        public var recall = 0.0
        public var f1: Double { ShingleScore.f1(precision, recall) }
        /// The same scores against gold bodies with repeated lines kept once:
        /// L3S-GN1's gold repeats lines where annotation spans nest, which caps
        /// the recall of any extractor that outputs a line once near 0.90.
        public var uniquePrecision = 0.0
        public var uniqueRecall = 0.0
        public var uniqueF1: Double { ShingleScore.f1(uniquePrecision, uniqueRecall) }
        /// Pages for which nothing was extracted.
        public var emptyPages = 0
        public var decodeSeconds = 0.0
        public var cleanSeconds = 0.0
        /// Page id and score, worst first, for looking at what goes wrong.
        public var worst: [(id: String, score: ShingleScore)] = []
    }

    /// Scores every page of `goldPath` (JSON lines with `id` and `body`) found
    /// as `pagesFolder/<id>.html`, one thread, cleaning each page on its own.
    /// With `extractedFolder`, scores another tool's output (`<id>.txt`
    /// files) instead of NewsETL's, with the same scorer.
    /// `only`, when given, limits the scoring to those page ids.
    public func scorePages(goldPath: String, pagesFolder: String, extractedFolder: String? = nil, only: Set<String>? = nil) throws -> PageSetReport {
        guard let data = FileManager.default.contents(atPath: goldPath) else {
            throw SystemError("open", path: goldPath, code: ENOENT)
        }
        var report = PageSetReport()
        var scores: [(String, ShingleScore)] = []
        var uniqueScores: [ShingleScore] = []
        let clock = ContinuousClock()
        for line in data.split(separator: UInt8(ascii: "\n")) {
            guard let object = try JSONSerialization.jsonObject(with: Data(line)) as? [String: Any],
                  let id = object["id"] as? String, let body = object["body"] as? String, only?.contains(id) ?? true else { continue }
            if let extractedFolder {
                let text = FileManager.default.contents(atPath: "\(extractedFolder)/\(id).txt").map { String(decoding: $0, as: UTF8.self) } ?? ""
                let score = ShingleScore(extracted: text, gold: body)
                scores.append((id, score))
                uniqueScores.append(ShingleScore(extracted: text, gold: BoilerplateEvaluation.uniqueLines(body)))
                if text.isEmpty { report.emptyPages += 1 }
                continue
            }
            let file = InputFile(relativePath: "\(id).html", absolutePath: "\(pagesFolder)/\(id).html")
            var decoded: Result<Document, Rejection>?
            report.decodeSeconds += clock.measure { decoded = decode.decode(file, maxFileBytes: 50_000_000) }.seconds
            var extracted = ""
            if case .success(let document)? = decoded {
                var outcome: DocumentOutcome?
                report.cleanSeconds += clock.measure { outcome = clean.process(document) }.seconds
                if case .keep(let cleaned)? = outcome { extracted = cleaned.text }
            }
            let score = ShingleScore(extracted: extracted, gold: body)
            scores.append((id, score))
            uniqueScores.append(ShingleScore(extracted: extracted, gold: BoilerplateEvaluation.uniqueLines(body)))
            if extracted.isEmpty { report.emptyPages += 1 }
        }
        report.pages = scores.count
        guard !scores.isEmpty else { return report }
        report.precision = scores.map(\.1.precision).reduce(0, +) / Double(scores.count)
        report.recall = scores.map(\.1.recall).reduce(0, +) / Double(scores.count)
        report.uniquePrecision = uniqueScores.map(\.precision).reduce(0, +) / Double(scores.count)
        report.uniqueRecall = uniqueScores.map(\.recall).reduce(0, +) / Double(scores.count)
        report.worst = zip(scores, uniqueScores).map { ($0.0, $1) }.sorted {
            let left = $0.1.precision + $0.1.recall, right = $1.1.precision + $1.1.recall
            return left != right ? left < right : $0.0 < $1.0
        }.map { (id: $0.0, score: $0.1) }
        return report
    }

    /// `text` with every line after its first occurrence left out.
    static func uniqueLines(_ text: String) -> String {
        var seen = Set<Substring>()
        return text.split(separator: "\n").filter { seen.insert($0).inserted }.joined(separator: "\n")
    }

    public struct SeedReport: Sendable {
        public var documents = 0
        public var boilerplateLines = 0
        public var boilerplateRemoved = 0
        public var articleLines = 0
        public var articleRemoved = 0
        /// `file: line` for every miss: boilerplate kept or article removed.
        public var misses: [String] = []
    }

    /// Checks the seed reports against GOLD.json's `boilerplate` lists.
    public func scoreSeeds(folder: String) throws -> SeedReport {
        let goldURL = URL(fileURLWithPath: folder + "/GOLD.json")
        guard let gold = try JSONSerialization.jsonObject(with: Data(contentsOf: goldURL)) as? [String: Any],
              let documents = gold["documents"] as? [String: [String: Any]] else {
            throw SystemError("read", path: goldURL.path, code: EINVAL)
        }
        var report = SeedReport()
        for name in documents.keys.sorted() {
            let boilerplate = Set((documents[name]?["boilerplate"] as? [String] ?? []).map(trim))
            let file = InputFile(relativePath: name, absolutePath: "\(folder)/\(name)")
            guard case .success(let document) = decode.decode(file, maxFileBytes: 50_000_000),
                  case .keep(let cleaned) = clean.process(document) else {
                report.misses.append("\(name): not decoded or cleaned")
                continue
            }
            report.documents += 1
            let removed = Set(cleaned.removed.flatMap { $0.text.split(separator: "\n").map { trim(String($0)) } })
            for line in document.text.split(separator: "\n").map({ trim(String($0)) }) where !line.isEmpty {
                if boilerplate.contains(line) {
                    report.boilerplateLines += 1
                    if removed.contains(line) { report.boilerplateRemoved += 1 } else { report.misses.append("\(name): kept boilerplate \"\(line)\"") }
                } else {
                    report.articleLines += 1
                    if removed.contains(line) {
                        report.articleRemoved += 1
                        report.misses.append("\(name): removed article line \"\(line.prefix(80))\"")
                    }
                }
            }
        }
        return report
    }

    /// One line per paragraph of `path`: the final verdict, and for HTML the
    /// layout facts behind it (tag, words, link density, container scores)
    /// and the block model's log-odds. A page the stage rejects says so
    /// first, and its paragraphs read REJECTED, not KEEP.
    public func explain(path: String) -> [String] {
        let name = (path as NSString).lastPathComponent
        guard case .success(let document) = decode.decode(InputFile(relativePath: name, absolutePath: path), maxFileBytes: 50_000_000) else {
            return ["\(path): not decoded"]
        }
        let paragraphs = Paragraph.split(document.text)
        var reasons = [String?](repeating: nil, count: paragraphs.count)
        var lines: [String] = []
        var fallback = "KEEP"
        switch clean.process(document) {
        case .keep(let cleaned):
            for removal in cleaned.removed { reasons[removal.index] = removal.rule }
        case .reject(let rejection):
            lines.append("rejected: \(rejection.detail)")
            fallback = "REJECTED"
        }
        var selection: ContentRegion.Selection?
        var logOdds: [Double]?
        let words = paragraphs.map { TextNormalizer.wordCount($0.text) }
        if let blocks = document.blocks, blocks.count == paragraphs.count {
            let chosen = clean.region.selection(blocks: blocks, wordCounts: words)
            selection = chosen
            if let top = chosen.top { lines.append("region \(chosen.region.sorted()) (winner \(top.id), score \(Int(top.score)))") }
            if let model = clean.blockModel {
                let features = BlockFeatures.vectors(blocks: blocks, wordCounts: words, texts: paragraphs.map(\.text),
                                                     selection: chosen, minWords: clean.region.minWords)
                logOdds = features.map(model.logOdds)
            }
        }
        for (index, paragraph) in paragraphs.enumerated() {
            var layout = ""
            if let block = document.blocks?[index] {
                let chain = zip(block.ancestors, block.ancestorHints).suffix(4).map { id, hint in
                    "\(id)\(hint.isEmpty ? "" : "/\(hint.rawValue)")=\(Int(selection?.scores[id] ?? 0))"
                }
                layout = String(format: " %@ w%d ld%.2f [%@]", block.tag, words[index], block.linkDensity, chain.joined(separator: " "))
                if let logOdds { layout += String(format: " m%+.2f", logOdds[index]) }
            }
            lines.append("\(reasons[index] ?? fallback)\(layout) | \(paragraph.text.prefix(90))")
        }
        return lines
    }

    private func trim(_ text: String) -> String { text.trimmingCharacters(in: .whitespaces) }
}
