import Testing
@testable import NewsETL

/// One name, one type across the corpus; reports built with their mentions
/// as a tagger might have typed them, then seen and resolved as the runner does.
@Suite struct EntityTypeVotesTests {
    private func report(_ index: Int, _ text: String, _ mentions: [(String, EntityMention.Kind)]) -> Document {
        var document = Document(docID: "doc-\(index)", sourcePath: "\(index).txt", sha256: "", byteCount: 0, encoding: "utf-8",
                                format: .text, title: nil, published: nil, source: nil, canonicalURL: nil, text: text, wordCount: 0)
        let scalars = Array(text.unicodeScalars)
        document.entities = mentions.map { name, kind in
            let nameScalars = Array(name.unicodeScalars)
            let start = (0...(scalars.count - nameScalars.count)).first { Array(scalars[$0..<($0 + nameScalars.count)]) == nameScalars }!
            return EntityRecord(mention: EntityMention(kind: kind, text: name, start: start, end: start + nameScalars.count),
                                sentence: 0, canonical: name, entityID: EntityLinker.entityID(kind, name))
        }
        return document
    }

    private func resolve(_ documents: [Document], context: CorpusContext = CorpusContext(outputFolder: "/nonexistent", runID: "run-test"))
        throws -> [Document] {
        try keptByCorpusStage(EntitiesStage(minSharedContext: nil), documents, context: context)
    }

    @Test func everyMentionOfANameTakesTheTypeItsMentionsVoteFor() throws {
        let reports = try resolve([
            report(0, "MITT ROMNEY WINS IN FLORIDA", [("MITT ROMNEY", .organization)]),
            report(1, "Romney Camp Says Mitt Romney Leads", [("Mitt Romney", .organization)]),
            report(2, "Mitt Romney Leads Poll", [("Mitt Romney", .miscellaneous)]),
            report(3, "Voters heard Mr. Mitt Romney speak in Tampa.", [("Mitt Romney", .person), ("Tampa", .location)]),
        ])
        let types = reports.flatMap(\.entities).filter { EntityLinker.fold($0.canonical) == "mitt romney" }.map(\.mention.kind)
        #expect(types == [.person, .person, .person, .person])
        #expect(Set(reports.flatMap(\.entities).filter { $0.canonical.lowercased() == "mitt romney" }.map(\.entityID)).count == 1)
        #expect(reports[3].entities.last?.mention.kind == .location)
    }

    @Test func aCompanysLegalNameVotesForItsShortName() throws {
        let reports = try resolve([
            report(0, "Chrysler Corp said sales fell.", [("Chrysler Corp", .organization)]),
            report(1, "Chrysler said so. Chrysler agreed.", [("Chrysler", .person), ("Chrysler", .person)]),
        ])
        #expect(reports[1].entities.map(\.mention.kind) == [.organization, .organization])
    }

    @Test func aPlainMajorityDecidesAndTiesGoToTheFixedOrder() {
        #expect(EntityTypeVotes.decide([.location: 5, .organization: 2]) == .location)
        #expect(EntityTypeVotes.decide([.location: 3, .organization: 3]) == .organization)
        #expect(EntityTypeVotes.decide([:]) == nil)
    }

    @Test func earlierRunsVotesCountTonight() throws {
        let folder = TemporaryFolder()
        let context = CorpusContext(outputFolder: folder.path, runID: "run-1")
        let first = [report(0, "Chelsea beat Everton.", [("Chelsea", .organization)]),
                     report(1, "Chelsea won again.", [("Chelsea", .organization)]),
                     report(2, "Chelsea drew.", [("Chelsea", .organization)])]
        let stage = EntitiesStage(minSharedContext: nil)
        let collector = stage.makeCollector(context: context)
        for (ordinal, document) in first.enumerated() { collector.observe(stage.summarize(document), of: document, ordinal: ordinal) }
        try DedupeStageTests.persist(collector.finish(), folder: folder.path)
        let tonight = try resolve([report(3, "Rain in Chelsea.", [("Chelsea", .location)])],
                              context: CorpusContext(outputFolder: folder.path, runID: "run-2"))
        #expect(tonight[0].entities.map(\.mention.kind) == [.organization])
    }
}
