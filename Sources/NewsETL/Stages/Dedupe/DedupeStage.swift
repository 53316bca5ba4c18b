/// The `dedupe` stage: groups copies of one report — re-sends, corrections,
/// rewrites under a new headline, expansions, trims, the same report with
/// other site boilerplate — into clusters, within a run and across runs.
///
/// ```json
/// { "name": "dedupe", "enabled": true,
///   "options": { "action": "mark", "shingle_size": 4, "num_hashes": 128, "bands": 64,
///                "jaccard_threshold": 0.5, "containment_threshold": 0.7, "min_size_ratio": 0.3, "min_words": 15,
///                "facts": { "enabled": true, "max_missing_numbers": 0.25, "max_missing_names": 0.34 },
///                "updates": { "enabled": true, "min_jaccard": 0.7, "max_hours_apart": 6 },
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
/// company is not a copy — except an *update*: the same report re-issued
/// with changed figures (a correction, new totals), which shares at least
/// `updates.min_jaccard` of its shingles and every name with the version it
/// replaces, and was published within `updates.max_hours_apart` hours of it
/// (both times known); its `kind` is `update`. Reports published more than
/// `max_days_apart` days apart are never copies (a report without a
/// publication date is dated by its dateline, "LONDON, March 4 (Reuters) -",
/// for this check only). Clusters are connected components; the canonical
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
    public var updatesEnabled: Bool
    public var updateMinJaccard: Double
    /// In hours.
    public var updateMaxHoursApart: Double
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
                maxMissingNames: Double = 0.34, updatesEnabled: Bool = true, updateMinJaccard: Double = 0.7,
                updateMaxHoursApart: Double = 6, canonicalOrder: [CanonicalKey] = [.earliestPublished, .longest, .docID],
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
        self.updatesEnabled = updatesEnabled
        self.updateMinJaccard = updateMinJaccard
        self.updateMaxHoursApart = updateMaxHoursApart
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
        let updates = options.nested("updates")
        let updatesEnabled = updates.bool("enabled", default: true)
        let updateMinJaccard = updates.number("min_jaccard", default: 0.7, range: 0...1)
        let updateMaxHoursApart = updates.number("max_hours_apart", default: 6, range: 0...876_000)
        updates.finish()
        let canonical = options.stringList("canonical", default: CanonicalKey.allCases.map(\.rawValue),
                                           allowed: CanonicalKey.allCases.map(\.rawValue))
        let state = options.nested("state")
        let stateEnabled = state.bool("enabled", default: true)
        let rawStatePath = state.string("path", default: ".state")
        let confinedStatePath = PathResolution.confined(rawStatePath)
        let statePath = confinedStatePath ?? ".state"
        if confinedStatePath == nil {
            options.problems.add(state.keyPath("path"),
                                 "expected a folder inside the output folder (relative, not leaving it with ..), got \"\(rawStatePath)\"")
        }
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
            updatesEnabled: updatesEnabled, updateMinJaccard: updateMinJaccard, updateMaxHoursApart: updateMaxHoursApart,
            canonicalOrder: canonical.compactMap(CanonicalKey.init(rawValue:)),
            maxDaysApart: options.number("max_days_apart", default: 3, range: 0...36_500),
            stateEnabled: stateEnabled, statePath: statePath)
    }

    public var outputs: StageOutputs {
        StageOutputs(documentColumns: ["cluster_id", "canonical_id", "similarity"],
                     stateFiles: stateEnabled ? ["\(statePath)/\(DedupeState.fileName)"] : [])
    }

    /// What the stage keeps of a document while it sees the corpus.
    public struct Summary: Sendable {
        var sketch: DocumentSketch
        /// The publication day, else the dateline's (`WireDateline`), else NaN.
        var day: Double
    }

    /// Without a copy in the corpus, a document passes unchanged.
    public func resolveAlone(_ document: Document) -> DocumentOutcome? { .keep(document) }

    public func summarize(_ document: Document) -> Summary {
        Summary(sketch: sketcher.sketch(document.text),
                day: document.published.flatMap(DateParser.dayNumber) ?? WireDateline.day(in: document.text) ?? .nan)
    }

    public func makeCollector(context: CorpusContext) -> any CorpusCollector<Summary> {
        NearDuplicateCollector(stage: self, context: context)
    }

    /// Whether two publication days (NaN: unknown; negative: a dateline's
    /// day without a year) are too far apart for copies.
    func tooFarApart(_ left: Double, _ right: Double) -> Bool {
        maxDaysApart > 0 && !left.isNaN && !right.isNaN && WireDateline.apart(left, right, more: maxDaysApart)
    }

    /// How two documents are copies of one report.
    struct Match: Sendable, Comparable {
        enum Kind: String, Sendable {
            case exact, near, update
        }

        var jaccard: Double
        var containment: Double
        var kind: Kind

        static func < (left: Match, right: Match) -> Bool {
            (left.jaccard, left.containment) < (right.jaccard, right.containment)
        }
    }

    /// Whether documents `left` and `right` of `table` are copies of one
    /// report, and how similar.
    func match(_ table: SketchTable, _ left: Int, _ right: Int) -> Match? {
        if table.contentKey(left) == table.contentKey(right) { return Match(jaccard: 1, containment: 1, kind: .exact) }
        let jaccard = table.jaccard(left, right)
        let leftSize = Double(table.shingleCounts[left]), rightSize = Double(table.shingleCounts[right])
        let (small, large) = leftSize <= rightSize ? (left, right) : (right, left)
        let smallSize = min(leftSize, rightSize), largeSize = max(leftSize, rightSize)
        guard smallSize > 0 else { return nil }
        let containment = min(1, jaccard * (smallSize + largeSize) / (1 + jaccard) / smallSize)
        let sizeRatio = smallSize / largeSize
        // A text shorter than min_words is too short to tell a copy from the next item of a template
        // ("Qtly div 12 cts vs 12 cts") on either path: only an exact copy of it counts.
        guard Int(table.wordCounts[small]) >= minWords else { return nil }
        let similar = jaccard >= jaccardThreshold || (containment >= containmentThreshold && sizeRatio >= minSizeRatio)
        guard similar else { return nil }
        var kind = Match.Kind.near
        if factsEnabled {
            // The smaller document's facts must be in the larger; for two of
            // about the same size (a corrected re-send), both ways.
            var checks = [(small, large)]
            if sizeRatio >= 0.8 { checks.append((large, small)) }
            for (from, into) in checks {
                if table.missingFacts(1, from: from, into: into) > maxMissingNames { return nil }
                if table.missingFacts(0, from: from, into: into) > maxMissingNumbers {
                    guard isUpdate(table, left, right, jaccard: jaccard) else { return nil }
                    kind = .update
                }
            }
        }
        return Match(jaccard: jaccard, containment: containment, kind: kind)
    }

    /// Other figures with every name the same and nearly the same words,
    /// within hours: a later version of the report, not another report from
    /// its template (those name another company or market, or come a day later).
    private func isUpdate(_ table: SketchTable, _ left: Int, _ right: Int, jaccard: Double) -> Bool {
        let (a, b) = (table.days[left], table.days[right])
        return updatesEnabled && jaccard >= updateMinJaccard && a >= 0 && b >= 0 && abs(a - b) * 24 <= updateMaxHoursApart
            && table.missingFacts(1, from: left, into: right) == 0 && table.missingFacts(1, from: right, into: left) == 0
    }
}
