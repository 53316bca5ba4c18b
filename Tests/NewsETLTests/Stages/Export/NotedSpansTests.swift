import Testing
@testable import NewsETL

@Suite struct NotedSpansTests {
    private static func span(_ record: Int, _ start: Int) -> RecordedSpan {
        RecordedSpan(record: record, kind: .documents, span: RowSpan(start: start, length: 1, rows: 1))!
    }

    /// Records 0…9 with `record % 3` spans each (some none), in blocks of
    /// four: spans on disk, spans still in memory, and records whose spans
    /// straddle a block's end.
    private static func noted(in folder: TemporaryFolder) throws -> (NotedSpans, [[Int]]) {
        let spans = NotedSpans(folder: folder.url("scratch"), blockSize: 4)
        var starts: [[Int]] = []
        var next = 0
        for record in 0..<10 {
            starts.append(Array(next..<(next + record % 3)))
            for start in starts[record] { try spans.append(span(record, start)) }
            next += record % 3
        }
        return (spans, starts)
    }

    @Test func givesBackEachRecordsSpansInAnyOrder() throws {
        let folder = TemporaryFolder()
        let (spans, starts) = try Self.noted(in: folder)
        #expect(spans.count == starts.joined().count)
        for order in [Array(0..<12), Array((0..<12).reversed()), [5, 1, 9, 0, 4, 8, 2, 7, 3, 6]] {
            for record in order {
                let expected = record < starts.count ? starts[record] : []
                #expect(try spans.spans(ofRecord: record).map { $0.span.start } == expected, "record \(record)")
                #expect(try spans.spans(ofRecord: record).allSatisfy { Int($0.record) == record })
            }
        }
    }

    @Test func leavesNoFileBehind() throws {
        let folder = TemporaryFolder()
        let (spans, _) = try Self.noted(in: folder)
        #expect(spans.count > 4)
        #expect(try FileSystem.listDirectory(folder.url("scratch")).isEmpty)
    }

    @Test func throwsWhenItsFileCannotBeMade() throws {
        let folder = TemporaryFolder()
        folder.write("scratch", "a file where the folder should be")
        let spans = NotedSpans(folder: folder.url("scratch"), blockSize: 2)
        try spans.append(Self.span(0, 0))
        #expect(throws: (any Error).self) { try spans.append(Self.span(1, 1)) }
    }
}
