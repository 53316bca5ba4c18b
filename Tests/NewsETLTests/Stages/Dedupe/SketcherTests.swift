import Testing
@testable import NewsETL

@Suite struct SketcherTests {
    @Test func givesTheSameSignatureInEveryRun() {
        let sketch = Sketcher(shingleSize: 4, hashCount: 8).sketch("The port of Valmora will reopen on Thursday morning.")
        #expect(sketch.signature == Sketcher(shingleSize: 4, hashCount: 8).sketch("the PORT of Valmora will reopen, on Thursday morning").signature)
        // Fixed seeds: these values must never change, or stored state from
        // earlier runs stops matching.
        #expect(sketch.signature == [1_475_690_028, 303_523_951, 1_721_524_871, 662_926_296, 393_385_818, 693_293_942, 356_734_047, 67_242_575])
        #expect(sketch.contentKey == Sketcher.contentKey(["the", "port", "of", "valmora", "will", "reopen", "on", "thursday", "morning"].map(StableHash.fnv1a)))
        #expect(sketch.contentKey != Sketcher.sketch(Sketcher(shingleSize: 4, hashCount: 8))("The port of Valmora will reopen on Friday morning.").contentKey)
    }

    @Test func estimatesJaccardAndContainment() {
        let sketcher = Sketcher(shingleSize: 2, hashCount: 256)
        let words = (0..<200).map { "w\($0)" }
        let folder = TemporaryFolder()
        var table = SketchTable(hashCount: 256, bandWidth: 4, folder: folder.path)
        table.append(docID: "doc-1", sourcePath: "full.txt", day: .nan, sketch: sketcher.sketch(words.joined(separator: " ")), ordinal: 0, runID: nil)
        table.append(docID: "doc-2", sourcePath: "half.txt", day: .nan, sketch: sketcher.sketch(words.prefix(100).joined(separator: " ")), ordinal: 1, runID: nil)
        let jaccard = table.jaccard(0, 1)
        #expect(abs(jaccard - 0.5) < 0.1)
        let match = DedupeStage(factsEnabled: false, stateEnabled: false).match(table, 0, 1)
        #expect((match?.containment ?? 0) > 0.85)
        #expect(table.sourcePath(1) == "half.txt" && table.docID(0) == "doc-1")
    }

    @Test func packsAndUnpacks() {
        let sketch = Sketcher(shingleSize: 4, hashCount: 128).sketch("Numbers 1,200 and 7.5 with Names like Ilse Brandvik in Valmora.")
        #expect(DocumentSketch(packed: sketch.packed()) == sketch)
        #expect(DocumentSketch(packed: [1, 2, 3]) == nil)
    }

    @Test func readsANumberTheSameInEveryNotation() {
        func facts(_ text: String) -> [UInt64] { Sketcher.words(text).map { $0.numberFact ?? $0.hash } }
        // Ordinals in digits and words, small numbers spelled out, millions rounded as rewrites state them.
        #expect(facts("3RD QTR") == facts("THIRD QTR"))
        #expect(facts("five cts 1st") == facts("5 cts first"))
        #expect(facts("avg shrs 3,086,386") == facts("avg shrs 3.1 mln").dropLast())
        #expect(facts("a 7,507,000 charge") == facts("a 7.5 mln charge").filter { $0 != StableHash.fnv1a("mln") })
        #expect(facts("1,500,000,000") == facts("1.5"))
        #expect(facts("62,000,000 euros") == facts("62 euros"))
        // Other figures stay other facts; years, decimals and codes are left as written.
        #expect(facts("3,086,386") != facts("3,286,386"))
        #expect(facts("1987 6.5 B52") == [StableHash.fnv1a("1987"), StableHash.fnv1a("65"), StableHash.fnv1a("b52")])
        #expect(Sketcher.words("third").map(\.hash) == [StableHash.fnv1a("third")], "shingles keep the words as written")
    }

    @Test func readsNumbersAndNamesAsFacts() {
        let words = Sketcher.words("The Fed added 1,200 dlrs. Ilse Brandvik said two ships left")
        #expect(words.filter(\.isNumber).map(\.hash) == [StableHash.fnv1a("1200")])
        #expect(words.filter(\.isName).map(\.hash) == ["fed", "brandvik"].map(StableHash.fnv1a))
    }
}
