/// The `clean` stage: removes boilerplate — comment widgets, related-article
/// teasers, tag lines, share bars, newsletter and donation appeals, bylines
/// with view counts, cookie notices, navigation, copyright footers, language
/// pickers — and keeps every sentence of the article.
///
/// ```json
/// { "name": "clean", "enabled": true,
///   "options": { "rules": [], "disable_rules": [], "structure": true,
///                "layout": true, "model": true, "drop_figure_credits": true, "keep_removed": true,
///                "learn": { "enabled": true, "min_documents": 4, "min_share": 0.3, "max_words": 20 } } }
/// ```
/// Four layers, in order: the page layout picks the article's blocks (HTML
/// only; its region and verdicts are features of a learned block model,
/// `model`, which has the final say); named line rules remove known boilerplate; paragraphs that recur in
/// many documents of the same source are removed (`learn`); and a comment or
/// related-articles header ends the article (`structure`). Every removal is
/// recorded with the rule that made it.
public struct CleanStage: DocumentStage, CorpusStage {
    public var rules: [LineRule]
    public var structure: Bool
    public var layout: Bool
    public var keepRemoved: Bool
    public var learning: SourceLearning
    var region: ContentRegion
    /// The learned final say on HTML blocks; nil leaves layout's verdicts as they are.
    public var blockModel: BlockModel?
    /// Captions and photo credits go whatever the model says: they describe
    /// a picture, not the event, and analysts counting words or quoting
    /// sentences do not want "Photo: Reuters" among them.
    public var dropFigureCredits: Bool

    public init(rules: [LineRule] = DefaultRules.all, structure: Bool = true, layout: Bool = true,
                dropFigureCredits: Bool = true, keepRemoved: Bool = true, learning: SourceLearning = SourceLearning(),
                blockModel: BlockModel? = .shipped) {
        self.rules = rules
        self.structure = structure
        self.layout = layout
        self.keepRemoved = keepRemoved
        self.learning = learning
        self.blockModel = blockModel
        self.dropFigureCredits = dropFigureCredits
        region = ContentRegion()
    }

    public init(options: OptionReader) {
        let extra = CleanStage.readRules(options.value("rules"), path: options.keyPath("rules"), problems: options.problems)
        let disabled = options.stringList("disable_rules", default: [])
        let known = Set(DefaultRules.all.flatMap { [$0.category, $0.identifier] } + extra.flatMap { [$0.category, $0.identifier] })
        for (index, name) in disabled.enumerated() where !known.contains(name) {
            options.problems.add("\(options.keyPath("disable_rules"))[\(index)]",
                                 "no rule or category named \"\(name)\" (categories: \(CleanStage.categories.joined(separator: ", ")))")
        }
        let rules = (DefaultRules.all + extra).filter { !disabled.contains($0.category) && !disabled.contains($0.identifier) }
        self.init(
            rules: rules,
            structure: options.bool("structure", default: true),
            layout: options.bool("layout", default: true),
            dropFigureCredits: options.bool("drop_figure_credits", default: true),
            keepRemoved: options.bool("keep_removed", default: true),
            learning: SourceLearning(options: options.nested("learn")),
            blockModel: options.bool("model", default: true) ? .shipped : nil)
    }

    static var categories: [String] {
        var seen: [String] = []
        for rule in DefaultRules.all where !seen.contains(rule.category) { seen.append(rule.category) }
        return seen
    }

    // MARK: - Per document

    public func process(_ document: Document) -> DocumentOutcome {
        clean(document, knowing: .none)
    }

    /// Cleans one document with what learning knows of its source.
    func clean(_ document: Document, knowing known: SourceKnowledge) -> DocumentOutcome {
        let learned = known.paragraphs
        let paragraphs = Paragraph.split(document.text)
        let keys = paragraphs.map { LineKey($0.text) }
        var reasons = layoutReasons(document, paragraphs: paragraphs)
        var endsArticleAt: (index: Int, category: String)?
        let sourceSeed = learning.enabled ? learning.sourceSeed(document) : 0
        var stoppedRules: [String] = []
        for index in paragraphs.indices {
            let key = keys[index]
            let rule = rules.first { rule in
                var limitHit = false
                let fires = rule.matches(key, original: paragraphs[index].text, limitHit: &limitHit)
                if limitHit && !stoppedRules.contains(rule.identifier) { stoppedRules.append(rule.identifier) }
                return fires
            }
            if let rule {
                if reasons[index] == nil { reasons[index] = rule.identifier }
                if rule.endsArticle && endsArticleAt == nil && reasons[index] == rule.identifier
                    && StructuralCut.articleStarted(before: index, paragraphs: paragraphs, keys: keys, reasons: reasons) {
                    endsArticleAt = (index, rule.category)
                }
            } else if reasons[index] == nil, Dateline.isDateline(paragraphs[index].text, key: key) {
                reasons[index] = "dateline:date"
            } else if reasons[index] == nil, !learned.isEmpty, learning.isCandidate(key),
                      learned.contains(learning.paragraphHash(key, sourceSeed: sourceSeed)) {
                reasons[index] = "learned:source"
            }
        }
        if structure {
            StructuralCut.apply(after: endsArticleAt, paragraphs: paragraphs, keys: keys, blocks: document.blocks, to: &reasons)
        }
        var cleaned = document
        let domain = URLDomain.of(document.canonicalURL)
        // Page titles carry the site's name; a plain-text report's first line is the desk's headline,
        // whose recurring tails are attributions ("- OFFICIAL", "- USDA"), not a site.
        if document.format == .html, let title = document.title {
            cleaned.title = TitleAffix.strip(title, siteName: document.siteName, domain: domain) { affix in
                !known.titleAffixes.isEmpty && known.titleAffixes.contains(TitleAffix.hash(affix, learning: learning, sourceSeed: sourceSeed))
            }
        }
        if let domain { cleaned.source = known.source(domain: domain, siteName: document.siteName) }
        cleaned.boundedWork += stoppedRules.map { "rule \($0): its regex ran out of its work budget and was stopped; the paragraph was kept" }
        var kept: [Paragraph] = []
        for (index, paragraph) in paragraphs.enumerated() {
            if let reason = reasons[index] {
                if keepRemoved {
                    cleaned.removed.append(RemovedParagraph(index: index, start: paragraph.start, end: paragraph.end,
                                                            text: paragraph.original, rule: reason))
                }
            } else {
                kept.append(paragraph)
            }
        }
        cleaned.text = Paragraph.join(kept)
        cleaned.blocks = nil
        cleaned.wordCount = TextNormalizer.wordCount(cleaned.text)
        // Page chrome can be in another language than the article (an
        // English report on a site with Arabic menus); a few removed lines cannot swing it.
        // Decode leaves the language empty for this stage to identify (`DecodeStage.identifiesLanguage`).
        if cleaned.text.utf8.count < document.text.utf8.count * 9 / 10 {
            cleaned.language = LanguageIdentifier.identify(cleaned.text)
        } else if document.language.isEmpty {
            cleaned.language = LanguageIdentifier.identify(document.text)
        }
        if cleaned.wordCount == 0 {
            return .reject(Rejection(path: document.sourcePath, sha256: document.sha256, reason: .noText,
                                     detail: "clean removed every paragraph (\(paragraphs.count)) as boilerplate"))
        }
        return .keep(cleaned)
    }

    /// Layout verdicts for an HTML page; when layout finds no article at all
    /// it judges nothing, and the text rules work alone.
    private func layoutReasons(_ document: Document, paragraphs: [Paragraph]) -> [String?] {
        let none = [String?](repeating: nil, count: paragraphs.count)
        guard layout, let blocks = document.blocks, blocks.count == paragraphs.count else { return none }
        let words = paragraphs.map { TextNormalizer.wordCount($0.text) }
        let reasons = blockReasons(blocks: blocks, words: words, texts: paragraphs.map(\.text))
        let keptWords = zip(reasons, words).reduce(0) { $0 + ($1.0 == nil ? $1.1 : 0) }
        return keptWords == 0 ? none : reasons
    }

    /// Layout's verdicts, with the block model's final say when it is on.
    func blockReasons(blocks: [TextBlock], words: [Int], texts: [String]) -> [String?] {
        let selection = region.selection(blocks: blocks, wordCounts: words)
        var reasons = selection.verdicts
        if let blockModel {
            let features = BlockFeatures.vectors(blocks: blocks, wordCounts: words, texts: texts, selection: selection, minWords: region.minWords)
            reasons = blockModel.removals(features: features, layoutVerdicts: selection.verdicts)
        }
        if dropFigureCredits {
            for (index, block) in blocks.enumerated() where reasons[index] == nil && block.ancestorHints.contains(where: { $0.contains(.figure) }) {
                reasons[index] = "layout:figure"
            }
        }
        return reasons
    }

    public var outputs: StageOutputs {
        StageOutputs(datasets: keepRemoved ? ["removed"] : [], documentColumns: ["text", "word_count", "language", "title", "source"],
                     stateFiles: learnsPerSource ? [".state/" + LearningState.fileName, ".state/" + SiteState.fileName] : [])
    }

    // MARK: - Corpus (learning per source)

    public var learnsPerSource: Bool { learning.enabled }

    /// What learning keeps of a document: its source, its candidate
    /// paragraphs and title affixes, and the name its page gives its site.
    public struct Summary: Sendable {
        /// The source's seed (`SourceLearning.sourceSeed`).
        var source: UInt64
        /// Hashes of the candidate paragraphs, each once, sorted.
        var paragraphs: [UInt64]
        /// Hashes of the title's possible affixes (`TitleAffix`), each once, sorted.
        var titleAffixes: [UInt64]
        /// The page's domain and `og:site_name`, when it has both.
        var site: (domain: String, name: String)?
    }

    /// With nothing learned about its source, a document is cleaned as a
    /// stage without learning would.
    public func resolveAlone(_ document: Document) -> DocumentOutcome? { process(document) }

    public func summarize(_ document: Document) -> Summary {
        let seed = learning.sourceSeed(document)
        var hashes = Set<UInt64>()
        for paragraph in Paragraph.split(document.text) {
            let key = LineKey(paragraph.text)
            if learning.isCandidate(key) { hashes.insert(learning.paragraphHash(key, sourceSeed: seed)) }
        }
        let title = document.format == .html ? document.title : nil
        let affixes = Set((title.map(TitleAffix.candidates) ?? []).map { TitleAffix.hash($0, learning: learning, sourceSeed: seed) })
        let site = URLDomain.of(document.canonicalURL).flatMap { domain in document.siteName.map { (domain, $0) } }
        return Summary(source: seed, paragraphs: hashes.sorted(), titleAffixes: affixes.sorted(), site: site)
    }

    public func makeCollector(context: CorpusContext) -> any CorpusCollector<Summary> {
        SourceBoilerplateCollector(stage: self, context: context)
    }

    // MARK: - Options

    private static func readRules(_ value: JSONValue?, path: String, problems: ConfigProblems) -> [LineRule] {
        guard let value else { return [] }
        guard case .array(let entries) = value else {
            problems.add(path, "expected a list of rules, got \(value.summary)")
            return []
        }
        return entries.enumerated().compactMap { index, entry in
            let reader = OptionReader(value: entry, path: "\(path)[\(index)]", problems: problems)
            let name = reader.string("name", default: "")
            let category = reader.string("category", default: "custom")
            let match = reader.string("match", default: "exact", allowed: LineRule.Match.allCases.map(\.rawValue))
            let phrases = reader.stringList("phrases", default: [])
            let maxWords = reader.integer("max_words", default: 12, range: 1...10_000)
            let endsArticle = reader.bool("ends_article", default: false)
            let requires = reader.stringList("requires", default: [])
            let matchCase = reader.bool("match_case", default: false)
            reader.finish()
            if name.isEmpty { problems.add(reader.keyPath("name"), "missing: every rule needs a name") }
            if phrases.isEmpty { problems.add(reader.keyPath("phrases"), "expected at least one phrase") }
            if match == "regex" {
                for (position, phrase) in phrases.enumerated() where !LineRule.isValidRegex(phrase) {
                    problems.add("\(reader.keyPath("phrases"))[\(position)]", "not a valid regular expression: \"\(phrase)\"")
                }
            }
            guard !name.isEmpty, !phrases.isEmpty else { return nil }
            return LineRule(name: name, category: category, match: LineRule.Match(rawValue: match) ?? .exact,
                            phrases: phrases, maxWords: maxWords, endsArticle: endsArticle, requires: requires,
                            matchCase: matchCase)
        }
    }
}
