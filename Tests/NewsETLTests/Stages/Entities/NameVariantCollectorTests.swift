import Testing
@testable import NewsETL

/// Reports written for these tests, run through the entities stage as the
/// runner does: prepare and summarise each, see the corpus, then resolve.
@Suite struct NameVariantCollectorTests {
    private func link(_ texts: [String], minSharedContext: Int = 3) throws -> [[EntityRecord]] {
        let stage = EntitiesStage(minSharedContext: minSharedContext)
        let collector = stage.makeCollector(context: CorpusContext(outputFolder: "/nonexistent", runID: "run-test"))
        let prepared = texts.enumerated().map { index, text in
            stage.prepare(Document(docID: "doc-\(index)", sourcePath: "\(index).txt", sha256: "", byteCount: 0, encoding: "utf-8",
                                   format: .text, title: nil, published: nil, source: nil, canonicalURL: nil, text: text, wordCount: 0))
        }
        for (ordinal, document) in prepared.enumerated() {
            collector.observe(stage.summarize(document), of: document, ordinal: ordinal)
        }
        let resolver = try collector.finish()
        return prepared.enumerated().map { ordinal, document in
            guard case .keep(let linked) = resolver.resolve(document, ordinal: ordinal) else { return [] }
            return linked.entities
        }
    }

    private func person(_ records: [EntityRecord], _ surname: String) -> EntityRecord? {
        records.first { $0.mention.kind == .person && $0.mention.text.hasSuffix(surname) }
    }

    static let talks = "Kremlin spokesman Dmitry Peskov and Deputy Foreign Minister Sergei Ryabkov met NATO envoys in Geneva."

    @Test func joinsVariantsWhenTheReportsShareContext() throws {
        let reports = try link([
            "US ambassador to NATO Julianne Smith spoke to reporters. " + Self.talks,
            "Julianne Smith said the alliance was united. " + Self.talks,
            "Ambassador Julian Smith told CNN the talks were frank. " + Self.talks,
        ])
        let ids = reports.compactMap { person($0, "Smith")?.entityID }
        #expect(ids.count == 3)
        #expect(Set(ids).count == 1)
        #expect(reports.compactMap { person($0, "Smith")?.canonical } == Array(repeating: "Julianne Smith", count: 3))
        #expect(person(reports[2], "Smith")?.mention.text == "Julian Smith")
    }

    @Test func keepsVariantsApartWithoutSharedContext() throws {
        let reports = try link([
            "Julianne Smith opened a bakery in Leeds with her brother.",
            "Ambassador Julian Smith told CNN the talks were frank. " + Self.talks,
        ])
        #expect(person(reports[0], "Smith")?.entityID != person(reports[1], "Smith")?.entityID)
    }

    @Test func neverJoinsTwoPeopleOneReportNames() throws {
        let reports = try link([
            "Julian Smith and his sister Julianne Smith attended. " + Self.talks,
            "Julian Smith spoke first. " + Self.talks,
            "Julianne Smith spoke next. " + Self.talks,
        ])
        let people = reports[0].filter { $0.mention.kind == .person && $0.mention.text.hasSuffix("Smith") }
        #expect(people.count == 2)
        #expect(Set(people.map(\.entityID)).count == 2)
    }

    @Test func mergingCanBeSwitchedOff() {
        let (reader, problems) = options(#"{"merge_variants": {"enabled": false}}"#)
        let stage = EntitiesStage(options: reader)
        reader.finish()
        #expect(problems.messages.isEmpty)
        #expect(!stage.mergesNameVariants)
        let (bad, badProblems) = options(#"{"merge_variants": {"min_shared_context": 0, "strict": true}}"#)
        _ = EntitiesStage(options: bad)
        bad.finish()
        #expect(badProblems.messages == [
            "options.merge_variants.min_shared_context: expected an integer between 1 and 1000, got 0",
            "options.merge_variants.strict: unknown key (known keys: enabled, min_shared_context)",
        ])
    }
}
