/// The sketches of every document a dedupe run considers, stored column by
/// column in flat arrays: no per-document objects or array headers. The
/// signatures, 512 bytes a document at 128 hashes, are on disk
/// (`SpilledSignatures`); a document costs about 150 bytes of memory
/// (content key, facts, sizes, date, ids and path in a shared byte arena).
struct SketchTable {
    private let signatures: SpilledSignatures
    private(set) var contentKeys: [UInt64] = []
    /// Per document: `factWords` words of numbers, then of names.
    private(set) var facts: [UInt64] = []
    private(set) var shingleCounts: [UInt32] = []
    private(set) var wordCounts: [UInt32] = []
    /// Publication day (`DateParser.dayNumber`), NaN when unknown.
    private(set) var days: [Double] = []
    /// Position in this run, -1 for documents kept by earlier runs.
    private(set) var ordinals: [Int32] = []
    /// Index into `runIDs` of the run that kept the document, -1 for this run.
    private(set) var runs: [Int32] = []
    private(set) var runIDs: [String] = []
    private var arena: [UInt8] = []
    /// Per document: start of its id, start of its path, end of its path in `arena`.
    private var bounds: [UInt32] = []

    /// `bandWidth` signature values form an LSH band; `folder` holds the signatures' scratch file.
    init(hashCount: Int, bandWidth: Int, folder: String, blockSize: Int = 4096) {
        signatures = SpilledSignatures(hashCount: hashCount, bandWidth: bandWidth, folder: folder, blockSize: blockSize)
    }

    var count: Int { ordinals.count }

    var hashCount: Int { signatures.hashCount }

    /// The first failure to write or read the signatures: what was read since is not to be used.
    var failure: (any Error)? { signatures.failure }

    mutating func append(docID: String, sourcePath: String, day: Double, sketch: DocumentSketch, ordinal: Int?, runID: String?) {
        let start = UInt32(arena.count)
        arena.append(contentsOf: docID.utf8)
        let pathStart = UInt32(arena.count)
        arena.append(contentsOf: sourcePath.utf8)
        bounds.append(contentsOf: [start, pathStart, UInt32(arena.count)])
        if sketch.signature.count == hashCount {
            signatures.append(sketch.signature)
        } else {
            signatures.append(repeatElement(0, count: hashCount))
        }
        contentKeys.append(contentsOf: sketch.contentKey)
        facts.append(contentsOf: sketch.numbers + sketch.names)
        shingleCounts.append(UInt32(clamping: sketch.shingleCount))
        wordCounts.append(UInt32(clamping: sketch.wordCount))
        days.append(day)
        ordinals.append(ordinal.map { Int32($0) } ?? -1)
        if let runID {
            if runIDs.last != runID, let existing = runIDs.firstIndex(of: runID) {
                runs.append(Int32(existing))
            } else {
                if runIDs.last != runID { runIDs.append(runID) }
                runs.append(Int32(runIDs.count - 1))
            }
        } else {
            runs.append(-1)
        }
    }

    func docID(_ index: Int) -> String { string(from: bounds[3 * index], to: bounds[3 * index + 1]) }
    func sourcePath(_ index: Int) -> String { string(from: bounds[3 * index + 1], to: bounds[3 * index + 2]) }
    func ordinal(_ index: Int) -> Int? { ordinals[index] < 0 ? nil : Int(ordinals[index]) }
    func runID(_ index: Int) -> String? { runs[index] < 0 ? nil : runIDs[Int(runs[index])] }
    func isFromEarlierRun(_ index: Int) -> Bool { runs[index] >= 0 && ordinals[index] < 0 }

    func contentKey(_ index: Int) -> ArraySlice<UInt64> { contentKeys[(4 * index)..<(4 * index + 4)] }

    func sketch(_ index: Int) -> DocumentSketch {
        let factStart = index * 2 * DocumentSketch.factWords
        return DocumentSketch(
            contentKey: Array(contentKey(index)),
            signature: signatures.signature(index),
            shingleCount: Int(shingleCounts[index]), wordCount: Int(wordCounts[index]),
            numbers: Array(facts[factStart..<(factStart + DocumentSketch.factWords)]),
            names: Array(facts[(factStart + DocumentSketch.factWords)..<(factStart + 2 * DocumentSketch.factWords)]))
    }

    /// Calls `body` with each document's signature values of LSH band `band`, in table order.
    func forEachBand(_ band: Int, _ body: (Int, ArraySlice<UInt32>) -> Void) {
        signatures.forEachBand(band, body)
    }

    /// Estimated Jaccard similarity of two documents' shingle sets.
    func jaccard(_ left: Int, _ right: Int) -> Double {
        Double(signatures.agreement(left, right)) / Double(hashCount)
    }

    /// Share of document `from`'s facts (numbers: part 0, names: part 1) missing from document `into`'s.
    func missingFacts(_ part: Int, from: Int, into: Int) -> Double {
        let width = DocumentSketch.factWords
        let a = from * 2 * width + part * width, b = into * 2 * width + part * width
        var present = 0, missing = 0
        for offset in 0..<width {
            present += facts[a + offset].nonzeroBitCount
            missing += (facts[a + offset] & ~facts[b + offset]).nonzeroBitCount
        }
        return present == 0 ? 0 : Double(missing) / Double(present)
    }

    private func string(from start: UInt32, to end: UInt32) -> String {
        String(decoding: arena[Int(start)..<Int(end)], as: UTF8.self)
    }
}
