import Testing
@testable import NewsETL

@Suite struct EntityTaggerTests {
    @Test func convertsIOB1AndReadsSpans() {
        #expect(NERCorpus.toIOB2(["I-PER", "I-PER", "O", "I-LOC", "B-LOC", "I-ORG"]) == ["B-PER", "I-PER", "O", "B-LOC", "B-LOC", "B-ORG"])
        let spans = NERCorpus.spans(["B-PER", "I-PER", "O", "B-LOC", "B-LOC", "I-LOC", "I-ORG"])
        #expect(spans.map { "\($0.type):\($0.start)-\($0.end)" } == ["PER:0-2", "LOC:3-4", "LOC:4-6", "ORG:6-7"])
    }

    static let training: [LabelledSentence] = {
        let people = ["Marit Lund", "Jonas Ekdahl", "Ilse Brandvik", "Tomas Reyl", "Anders Holm", "Lena Sorvik"]
        let places = ["Valmora", "Kestrel", "Brussels", "Geneva", "Oslo", "Vienna"]
        var sentences: [LabelledSentence] = []
        for (index, person) in people.enumerated() {
            for place in places {
                let name = person.split(separator: " ").map(String.init)
                let words = name + ["visited", place, "on", "Monday", "with", "the", "council", "."]
                let tags = ["B-PER", "I-PER", "O", "B-LOC", "O", "O", "O", "O", "O", "O"]
                sentences.append(LabelledSentence(words: words, tags: tags))
                if index % 2 == 0 {
                    sentences.append(LabelledSentence(words: ["Officials", "in", place, "said", "it", "rained", "."],
                                                      tags: ["O", "O", "B-LOC", "O", "O", "O", "O"]))
                }
            }
        }
        return sentences
    }()

    @Test func learnsFromLabelledSentencesAndKeepsBIOValid() {
        let tagger = EntityTagger.train(Self.training, epochs: 5)
        #expect(tagger.tag(["Ilse", "Brandvik", "visited", "Geneva", "on", "Monday", "."]) == ["B-PER", "I-PER", "O", "B-LOC", "O", "O", "O"])
        for sentence in Self.training.prefix(10) {
            let tags = tagger.tag(sentence.words)
            for (index, tag) in tags.enumerated() where tag.hasPrefix("I-") {
                #expect(index > 0 && tags[index - 1] != "O" && tags[index - 1].dropFirst(2) == tag.dropFirst(2))
            }
        }
    }

    @Test func roundTripsThroughTheModelFile() throws {
        let tagger = EntityTagger.train(Self.training, epochs: 3)
        let loaded = try EntityTagger(serialized: tagger.serialized())
        #expect(loaded.tags == tagger.tags)
        for sentence in Self.training { #expect(loaded.tag(sentence.words) == tagger.tag(sentence.words)) }
        #expect(throws: (any Error).self) { try EntityTagger(serialized: Array("not a model".utf8)) }
    }
}
