import Testing
@testable import NewsETL

@Suite struct DedupeStageTests {
    private func document(_ name: String, _ text: String, published: String? = nil) -> Document {
        Document(docID: DecodeStage.docID(forRelativePath: name), sourcePath: name, sha256: SHA256.hex(text), byteCount: text.utf8.count,
                 encoding: "utf-8", format: .text, title: nil, published: published, source: nil, url: nil, text: text, wordCount: 3)
    }

    private func run(_ documents: [Document], action: DedupeStage.Action) -> [CorpusOutcome] {
        let stage = DedupeStage(action: action)
        let collector = stage.makeCollector()
        for (ordinal, document) in documents.enumerated() {
            collector.observe(stage.summarize(document), of: document, ordinal: ordinal)
        }
        let resolver = collector.finish()
        return documents.enumerated().map { resolver.resolve($1, ordinal: $0) }
    }

    @Test func clustersCopiesThatDifferOnlyInCaseAndSpacing() {
        let documents = [
            document("a.txt", "Storm surge floods harbour.\nThousands evacuated."),
            document("b.txt", "Different report entirely."),
            document("c.txt", "storm surge  floods harbour. thousands\n\nevacuated."),
        ]
        let outcomes = run(documents, action: .mark)
        guard case .keep(let canonical) = outcomes[0], case .keep(let unique) = outcomes[1],
              case .duplicate(let copy, let record, let keep) = outcomes[2] else {
            Issue.record("unexpected outcomes \(outcomes)")
            return
        }
        #expect(canonical.duplicateCluster?.canonicalID == documents[0].docID)
        #expect(unique.duplicateCluster == nil)
        #expect(copy.duplicateCluster?.canonicalID == documents[0].docID)
        #expect(record.canonicalPath == "a.txt" && record.sourcePath == "c.txt" && record.kind == "exact")
        #expect(keep)
    }

    @Test func choosesTheEarliestPublishedAsCanonicalAndDropsCopiesWhenAsked() {
        let documents = [
            document("late.txt", "Same words here.", published: "2025-03-05"),
            document("undated.txt", "Same words here."),
            document("early.txt", "Same words here.", published: "2025-03-04T09:00"),
        ]
        let outcomes = run(documents, action: .drop)
        guard case .duplicate(_, let first, false) = outcomes[0], case .duplicate(_, let second, false) = outcomes[1],
              case .keep(let canonical) = outcomes[2] else {
            Issue.record("unexpected outcomes \(outcomes)")
            return
        }
        #expect(first.canonicalPath == "early.txt" && second.canonicalPath == "early.txt")
        #expect(canonical.duplicateCluster?.clusterID == first.clusterID)
    }

    @Test func validatesItsAction() {
        let (reader, problems) = options(#"{"action": "merge"}"#)
        #expect(DedupeStage(options: reader).action == .mark)
        #expect(problems.messages == [#"options.action: expected one of "mark", "drop", got "merge""#])
    }
}
