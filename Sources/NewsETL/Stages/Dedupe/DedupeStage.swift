/// The `dedupe` stage: groups copies of one report — re-sends, corrections,
/// rewrites under a new headline, expansions, trims, the same report with
/// other site boilerplate — into clusters, within a run and across runs.
///
/// ```json
/// { "name": "dedupe", "enabled": true,
///   "options": { "action": "mark", "shingle_size": 4, "num_hashes": 128, "bands": 64,
///                "jaccard_threshold": 0.5, "containment_threshold": 0.7, "min_size_ratio": 0.3, "min_words": 15,
///                "facts": { "enabled": true, "max_missing_numbers": 0.25, "max_missing_names": 0.34 },
///                "canonical": ["earliest_published", "longest", "doc_id"], "max_days_apart": 3,
///                "state": { "enabled": true, "path": ".state" } } }
/// ```
/// Exact copies share a hash of their normalised words. Near copies are found
/// by MinHash signatures over word shingles with LSH banding, then verified:
/// Jaccard similarity at least `jaccard_threshold`, or the smaller document's
/// shingles at least `containment_threshold` inside the larger (a trim or an
/// expansion) when it is at least `min_size_ratio` of it. Numbers and
/// capitalised names of the smaller document missing from the larger count
/// against a match, so a templated report about other figures or another
/// company is not a copy; reports published more than `max_days_apart`
/// days apart never are. Clusters are connected components; the canonical
/// document follows `canonical`. `mark` keeps every document and fills its
/// cluster columns; `drop` leaves copies out of `documents.*`; both list them
/// in `duplicates.*`. Signatures of kept documents persist under the output
/// folder's `state.path`, so tomorrow's copy of tonight's report is found.
public struct DedupeStage: CorpusStage {
    public enum Action: String, Sendable {
        case mark, drop
    }

    public enum CanonicalKey: String, Sendable, CaseIterable {
        case earliestPublished = "earliest_published"
        case longest
        case docID = "doc_id"
    }

    public var action: Action
    public var shingleSize: Int
    public var hashCount: Int
    public var bands: Int
    public var jaccardThreshold: Double
    public var containmentThreshold: Double
    public var minSizeRatio: Double
    public var minWords: Int
    public var factsEnabled: Bool
    public var maxMissingNumbers: Double
    public var maxMissingNames: Double
    public var canonicalOrder: [CanonicalKey]
    /// Documents whose publication dates are further apart are never copies
    /// (0: no limit). Only applies when both documents have a date.
    public var maxDaysApart: Double
    public var stateEnabled: Bool
    public var statePath: String
    let sketcher: Sketcher

    public init(action: Action = .mark, shingleSize: Int = 4, hashCount: Int = 128, bands: Int = 64,
                jaccardThreshold: Double = 0.5, containmentThreshold: Double = 0.7, minSizeRatio: Double = 0.3,
                minWords: Int = 15, factsEnabled: Bool = true, maxMissingNumbers: Double = 0.25,
                maxMissingNames: Double = 0.34, canonicalOrder: [CanonicalKey] = [.earliestPublished, .longest, .docID],
                maxDaysApart: Double = 3,
                stateEnabled: Bool = true, statePath: String = ".state") {
        self.action = action
        self.shingleSize = shingleSize
        self.hashCount = hashCount
        self.bands = bands
        self.jaccardThreshold = jaccardThreshold
        self.containmentThreshold = containmentThreshold
        self.minSizeRatio = minSizeRatio
        self.minWords = minWords
        self.factsEnabled = factsEnabled
        self.maxMissingNumbers = maxMissingNumbers
        self.maxMissingNames = maxMissingNames
        self.canonicalOrder = canonicalOrder
        self.maxDaysApart = maxDaysApart
        self.stateEnabled = stateEnabled
        self.statePath = statePath
        sketcher = Sketcher(shingleSize: shingleSize, hashCount: hashCount)
    }

    public init(options: OptionReader) {
        let action = options.string("action", default: Action.mark.rawValue, allowed: ["mark", "drop"])
        let hashCount = options.integer("num_hashes", default: 128, range: 8...1024)
        let bands = options.integer("bands", default: 64, range: 1...1024)
        if hashCount % bands != 0 {
            options.problems.add(options.keyPath("bands"), "expected a divisor of num_hashes (\(hashCount)), got \(bands)")
        }
        let facts = options.nested("facts")
        let factsEnabled = facts.bool("enabled", default: true)
        let maxMissingNumbers = facts.number("max_missing_numbers", default: 0.25, range: 0...1)
        let maxMissingNames = facts.number("max_missing_names", default: 0.34, range: 0...1)
        facts.finish()
        let canonical = options.stringList("canonical", default: CanonicalKey.allCases.map(\.rawValue),
                                           allowed: CanonicalKey.allCases.map(\.rawValue))
        let state = options.nested("state")
        let stateEnabled = state.bool("enabled", default: true)
        let statePath = state.string("path", default: ".state")
        state.finish()
        self.init(
            action: Action(rawValue: action) ?? .mark,
            shingleSize: options.integer("shingle_size", default: 4, range: 1...20),
            hashCount: hashCount,
            bands: hashCount % bands == 0 ? bands : 64,
            jaccardThreshold: options.number("jaccard_threshold", default: 0.5, range: 0...1),
            containmentThreshold: options.number("containment_threshold", default: 0.7, range: 0...1),
            minSizeRatio: options.number("min_size_ratio", default: 0.3, range: 0...1),
            minWords: options.integer("min_words", default: 15, range: 0...1_000_000),
            factsEnabled: factsEnabled, maxMissingNumbers: maxMissingNumbers, maxMissingNames: maxMissingNames,
            canonicalOrder: canonical.compactMap(CanonicalKey.init(rawValue:)),
            maxDaysApart: options.number("max_days_apart", default: 3, range: 0...36_500),
            stateEnabled: stateEnabled, statePath: statePath)
    }

    public func summarize(_ document: Document) -> CorpusSummary {
        CorpusSummary(hashes: sketcher.sketch(document.text).packed(), published: document.published)
    }

    public func makeCollector(context: CorpusContext) -> any CorpusCollector {
        NearDuplicateCollector(stage: self, context: context)
    }

    /// Whether two publication dates are too far apart for copies.
    func tooFarApart(_ left: String?, _ right: String?) -> Bool {
        guard maxDaysApart > 0, let left, let right,
              let leftDay = DateParser.dayNumber(left), let rightDay = DateParser.dayNumber(right) else { return false }
        return abs(leftDay - rightDay) > maxDaysApart
    }

    /// Whether two sketches are copies of one report, and how similar.
    func match(_ left: DocumentSketch, _ right: DocumentSketch) -> (jaccard: Double, containment: Double)? {
        if left.contentKey == right.contentKey { return (1, 1) }
        let jaccard = left.jaccard(right)
        let containment = left.containment(right, jaccard: jaccard)
        let (small, large) = left.shingleCount <= right.shingleCount ? (left, right) : (right, left)
        let sizeRatio = large.shingleCount == 0 ? 0 : Double(small.shingleCount) / Double(large.shingleCount)
        let similar = jaccard >= jaccardThreshold
            || (containment >= containmentThreshold && sizeRatio >= minSizeRatio && small.wordCount >= minWords)
        guard similar else { return nil }
        if factsEnabled {
            // The smaller document's facts must be in the larger; for two of
            // about the same size (a corrected re-send), both ways.
            var checks = [(small, large)]
            if sizeRatio >= 0.8 { checks.append((large, small)) }
            for (from, into) in checks {
                if DocumentSketch.missingShare(from.numbers, in: into.numbers) > maxMissingNumbers { return nil }
                if DocumentSketch.missingShare(from.names, in: into.names) > maxMissingNames { return nil }
            }
        }
        return (jaccard, containment)
    }
}
