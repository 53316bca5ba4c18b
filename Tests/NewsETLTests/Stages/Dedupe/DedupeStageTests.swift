import Foundation
import Testing
@testable import NewsETL

/// Reports written for these tests: one story and its kinds of copies.
@Suite struct DedupeStageTests {
    static let story = [
        "The port of Valmora will reopen to shipping on Thursday morning, the Kestrel Coast Guard said on Wednesday, after divers found no structural damage to the main quay.",
        "Two cargo ships that dragged their anchors during Tuesday's storm have been moved to the inner harbour, and no fuel leak was detected by the inspection teams.",
        "Port director Tomas Reyl said about 20 vessels were waiting offshore and that the terminal would work through the weekend to clear the backlog of containers.",
        "The storm surge flooded the harbour district on Tuesday, forcing about 4,200 residents from their homes and cutting power to 12,000 households in the old town.",
        "Insurers said claims from the storm could reach 62 million euros, most of them for flooded ground floors on Quay Street and in the streets around the fish market.",
    ]

    static func document(_ name: String, _ paragraphs: [String], published: String? = nil) -> Document {
        let text = paragraphs.joined(separator: "\n\n")
        return Document(docID: DecodeStage.docID(forRelativePath: name), sourcePath: name, sha256: SHA256.hex(text),
                        byteCount: text.utf8.count, encoding: "utf-8", format: .text, title: nil, published: published,
                        source: nil, canonicalURL: nil, text: text, wordCount: TextNormalizer.wordCount(text))
    }

    static func run(_ documents: [Document], stage: DedupeStage = DedupeStage(stateEnabled: false),
                    context: CorpusContext = CorpusContext(outputFolder: "/nonexistent", runID: "run-test")) throws -> (outcomes: [CorpusOutcome], resolver: any CorpusResolver, warnings: [String]) {
        let collector = stage.makeCollector(context: context)
        for (ordinal, document) in documents.enumerated() {
            collector.observe(stage.summarize(document), of: document, ordinal: ordinal)
        }
        let resolver = try collector.finish()
        return (documents.enumerated().map { resolver.resolve($1, ordinal: $0) }, resolver, collector.warnings)
    }

    private func canonicalPath(_ outcome: CorpusOutcome) -> String? {
        if case .duplicate(_, let record, _) = outcome { return record.canonicalPath }
        return nil
    }

    static let copies: [(String, [String])] = {
        let edited: [String] = [story[0], story[1].replacingOccurrences(of: "was detected by the inspection teams", with: "had been found by inspectors")]
            + Array(story.dropFirst(2))
        let expansion: [String] = story + ["Shipping agents expect the first cruise ship of the season to call at Valmora next month as planned, the tourist office said."]
        let swapped: [String] = story + ["Tags: Valmora, port, storm", "Share this: Facebook | X | Email"]
        let headline: [String] = ["Valmora port back in business after storm"] + story
        return [("re-send", story), ("trim", Array(story.prefix(3))), ("expansion", expansion),
                ("edited sentence", edited), ("boilerplate swap", swapped), ("new headline", headline)]
    }()

    @Test(arguments: DedupeStageTests.copies)
    func findsEachKindOfCopy(kind: String, copy: [String]) throws {
        let original = Self.document("a/original.txt", Self.story, published: "2025-03-05")
        let other = Self.document("b/\(kind).txt", copy, published: "2025-03-05T18:00")
        let outcomes = try Self.run([original, other]).outcomes
        #expect(canonicalPath(outcomes[1]) == "a/original.txt", "\(kind) not found")
        guard case .keep(let canonical) = outcomes[0] else {
            Issue.record("canonical was not kept")
            return
        }
        #expect(canonical.duplicateCluster?.canonicalID == original.docID)
    }

    @Test func doesNotMergeTemplatedReportsWithOtherFigures() throws {
        let template = { (amount: String, rate: String) in
            ["The Federal Reserve entered the government securities market to arrange \(amount) dlrs of customer repurchase agreements, a Fed spokesman said.",
             "Dealers said Federal funds were trading at \(rate) pct when the Fed began its temporary and indirect supply of reserves to the banking system."]
        }
        let one = Self.document("fed/1.txt", template("one billion", "6-1/8"))
        let two = Self.document("fed/2.txt", template("two billion", "6-3/8"))
        let three = Self.document("fed/3.txt", template("1.5 billion", "6-1/4"))
        let outcomes = try Self.run([one, two, three]).outcomes
        for outcome in outcomes {
            guard case .keep(let kept) = outcome else {
                Issue.record("templated report merged: \(outcome)")
                continue
            }
            #expect(kept.duplicateCluster == nil)
        }
    }

    @Test func findsARewriteThatStatesTheFiguresInOtherNotation() throws {
        // The same figures written otherwise ("two" / "2", "20" / "twenty", "62 million" / "62,000,000")
        // are the same facts; other figures in the same words are another report.
        func rewritten(_ pairs: [(String, String)]) -> [String] {
            Self.story.map { paragraph in pairs.reduce(paragraph) { $0.replacingOccurrences(of: $1.0, with: $1.1) } }
        }
        let original = Self.document("a/original.txt", Self.story, published: "2025-03-05")
        let rewrite = Self.document("b/rewrite.txt", rewritten([("Two cargo", "2 cargo"), ("about 20 vessels", "about twenty vessels"),
                                                                ("62 million euros", "62,000,000 euros")]), published: "2025-03-05")
        // Another day's edition of the same template: other figures, two days later.
        let otherFigures = Self.document("c/other.txt", rewritten([("4,200", "6,100"), ("12,000", "19,000"), ("62 million", "85 million"),
                                                                   ("about 20 vessels", "about 35 vessels")]), published: "2025-03-07")
        let outcomes = try Self.run([original, rewrite, otherFigures]).outcomes
        #expect(canonicalPath(outcomes[1]) == "a/original.txt")
        #expect(canonicalPath(outcomes[2]) == nil, "a report with other figures was merged")
    }

    @Test func linksAnUpdateWithNewFiguresToTheVersionItReplaces() throws {
        func revised(_ pairs: [(String, String)]) -> [String] {
            Self.story.map { paragraph in pairs.reduce(paragraph) { $0.replacingOccurrences(of: $1.0, with: $1.1) } }
        }
        let first = Self.document("wire/0900.txt", Self.story, published: "2025-03-05T09:00:00Z")
        let newFigures = [("4,200", "5,600"), ("12,000", "15,000")]
        let update = Self.document("wire/1300.txt", revised(newFigures), published: "2025-03-05T13:00:00Z")
        let nextDay = Self.document("wire/next-day.txt", revised([("4,200", "3,100"), ("12,000", "9,000")]), published: "2025-03-06T13:00:00Z")
        let otherPort = Self.document("wire/other-port.txt", revised([("4,200", "2,900"), ("12,000", "7,000"), ("Valmora", "Brenholt"),
                                                                      ("Tomas Reyl", "Ida Vass")]),
                                      published: "2025-03-05T14:00:00Z")
        let outcomes = try Self.run([first, update, nextDay, otherPort]).outcomes
        guard case .duplicate(_, let record, _) = outcomes[1] else {
            Issue.record("the update was not linked: \(outcomes[1])")
            return
        }
        #expect(record.canonicalPath == "wire/0900.txt" && record.kind == "update")
        #expect(canonicalPath(outcomes[2]) == nil, "a version more than six hours later was linked")
        #expect(canonicalPath(outcomes[3]) == nil, "a report naming another port was linked")
        let off = try Self.run([first, update], stage: DedupeStage(updatesEnabled: false, stateEnabled: false)).outcomes
        #expect(canonicalPath(off[1]) == nil)
    }

    @Test func aShortItemIsACopyOnlyWhenExact() throws {
        // Two flashes of one template, another company in capitals: too short to tell apart by shingles.
        let sun = Self.document("flash/sun.txt", ["SUN RAISES CRUDE POSTINGS 50 CTS, EFFECTIVE TODAY, WTI TO 17.50 dlrs/bbl"], published: "1987-03-12")
        let phillips = Self.document("flash/phillips.txt", ["PHILLIPS RAISES CRUDE POSTINGS 50 CTS, EFFECTIVE TODAY, WTI TO 17.50 dlrs/bbl"],
                                     published: "1987-03-12")
        let resend = Self.document("flash/sun-again.txt", ["SUN RAISES CRUDE POSTINGS 50 CTS, EFFECTIVE TODAY, WTI TO 17.50 dlrs/bbl"],
                                   published: "1987-03-12")
        let outcomes = try Self.run([phillips, sun, resend]).outcomes
        guard case .keep(let kept) = outcomes[0] else {
            Issue.record("different flashes merged: \(outcomes[0])")
            return
        }
        #expect(kept.duplicateCluster == nil, "different flashes merged")
        let copies = [canonicalPath(outcomes[1]), canonicalPath(outcomes[2])].compactMap { $0 }
        #expect(copies == ["flash/sun.txt"] || copies == ["flash/sun-again.txt"], "the exact resend is a copy")
    }

    @Test func doesNotMergeReportsAboutOtherCompanies() throws {
        let notice = { (company: String) in
            ["\(company) said its board declared a quarterly dividend of ten cents a share, payable April 30 to holders of record April 15.",
             "The company said the dividend is unchanged from the previous quarter and reflects steady earnings in its regional banking business."]
        }
        let outcomes = try Self.run([Self.document("d/1.txt", notice("Harbour Savings Bank")), Self.document("d/2.txt", notice("Kestrel Trust Company"))]).outcomes
        #expect(outcomes.allSatisfy { if case .keep = $0 { return true } else { return false } })
    }

    @Test func keepsCopiesPublishedFarApartApart() throws {
        let outcomes = try Self.run([Self.document("x/1.txt", Self.story, published: "2025-03-01"),
                                 Self.document("x/2.txt", Self.story, published: "2025-04-01")]).outcomes
        #expect(canonicalPath(outcomes[1]) == nil)
    }

    @Test func choosesTheCanonicalByDateThenLengthThenID() throws {
        let undatedLong = Self.document("c/undated.txt", Self.story + ["An extra closing paragraph that makes this the longest version of the report by far, with more words."])
        let late = Self.document("c/late.txt", Self.story, published: "2025-03-06")
        let early = Self.document("c/early.txt", Self.story, published: "2025-03-05")
        for order in [[undatedLong, late, early], [early, undatedLong, late], [late, early, undatedLong]] {
            let outcomes = try Self.run(order).outcomes
            let canonical = order.indices.first { if case .keep = outcomes[$0] { return true } else { return false } }
            #expect(canonical.map { order[$0].sourcePath } == "c/early.txt")
        }
        let sameDateShort = Self.document("c/short.txt", Array(Self.story.prefix(4)), published: "2025-03-05")
        let outcomes = try Self.run([sameDateShort, early]).outcomes
        #expect(canonicalPath(outcomes[0]) == "c/early.txt")
    }

    @Test func dropsCopiesWhenAsked() throws {
        let outcomes = try Self.run([Self.document("a.txt", Self.story), Self.document("b.txt", Self.story)],
                                stage: DedupeStage(action: .drop, stateEnabled: false)).outcomes
        guard case .duplicate(_, let record, false) = outcomes[1] else {
            Issue.record("expected a dropped duplicate")
            return
        }
        #expect(record.kind == "exact" && record.similarity == 1 && record.containment == 1)
    }

    static func persist(_ resolver: any CorpusResolver, folder: String) throws {
        let transaction = OutputTransaction(folder: folder)
        try resolver.persist(into: transaction)
        try transaction.commit()
    }

    @Test func matchesANewCopyToADocumentFromAnEarlierRun() throws {
        let folder = TemporaryFolder()
        let stage = DedupeStage()
        let first = try Self.run([Self.document("monday/wire.txt", Self.story, published: "2025-03-05")], stage: stage,
                             context: CorpusContext(outputFolder: folder.path, runID: "run-20250305T010000Z"))
        try Self.persist(first.resolver, folder: folder.path)
        let second = try Self.run([Self.document("tuesday/copy.txt", Array(Self.story.prefix(4)), published: "2025-03-06")], stage: stage,
                              context: CorpusContext(outputFolder: folder.path, runID: "run-20250306T010000Z"))
        guard case .duplicate(_, let record, _) = second.outcomes[0] else {
            Issue.record("the copy was not matched to the earlier run")
            return
        }
        #expect(record.canonicalPath == "monday/wire.txt")
        #expect(record.canonicalRun == "run-20250305T010000Z")
        #expect(record.containment > 0.9)
    }

    @Test func setsACorruptStateAsideAndStartsFresh() throws {
        let folder = TemporaryFolder()
        folder.write(".state/dedupe-signatures.bin", "NEWSETL-DEDUPE-STATE-1\nthis is not what was written")
        let result = try Self.run([Self.document("a.txt", Self.story)], stage: DedupeStage(),
                              context: CorpusContext(outputFolder: folder.path, runID: "run-x"))
        #expect(result.warnings.count == 1)
        #expect(result.warnings.first?.contains("set aside as dedupe-signatures.bin.corrupt") == true)
        #expect(FileManager.default.fileExists(atPath: folder.url(".state/dedupe-signatures.bin.corrupt")))
        try Self.persist(result.resolver, folder: folder.path)
        var paths: [String] = []
        let reloaded = DedupeState(store: StateStore(output: folder.path), folder: ".state").load { paths.append($0.sourcePath) }
        #expect((try? reloaded.get()) != nil)
        #expect(paths == ["a.txt"])
    }

    @Test func aStateDamagedPastItsFirstEntryGivesNoEntries() throws {
        let folder = TemporaryFolder()
        let state = DedupeState(store: StateStore(output: folder.path), folder: ".state")
        let sketch = Sketcher(shingleSize: 4, hashCount: 8).sketch(Self.story.joined(separator: " "))
        // A checksum that holds over a second entry whose sketch is malformed.
        let transaction = OutputTransaction(folder: folder.path)
        try state.file.write { writer in
            writer.integer(2)
            for (index, words) in [sketch.packed(), [1, 2, 3]].enumerated() {
                writer.string("doc-\(index)")
                writer.string("\(index).txt")
                writer.double(.nan)
                writer.string("run-1")
                writer.integer(words.count)
                for word in words { writer.unsigned(word) }
            }
        }.add(to: transaction)
        try transaction.commit()
        var visited: [String] = []
        let loaded = state.load { visited.append($0.docID) }
        #expect(visited.isEmpty)
        guard case .failure(.damaged(let detail)) = loaded else {
            Issue.record("a malformed sketch was not damage")
            return
        }
        #expect(detail.contains("malformed sketch of doc-1"))
    }

    @Test func validatesItsOptions() {
        let (reader, problems) = options(#"{"action": "merge", "num_hashes": 100, "bands": 30, "canonical": ["newest"]}"#)
        _ = DedupeStage(options: reader)
        reader.finish()
        #expect(problems.messages == [
            #"options.action: expected one of "mark", "drop", got "merge""#,
            "options.bands: expected a divisor of num_hashes (100), got 30",
            #"options.canonical[0]: expected one of "earliest_published", "longest", "doc_id", got "newest""#,
        ])
    }
}
