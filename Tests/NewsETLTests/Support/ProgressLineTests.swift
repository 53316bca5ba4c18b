import Testing
@testable import NewsETL

@Suite struct ProgressLineTests {
    @Test(arguments: [8, 20, 40, 60, 80, 200])
    func neverReachesTheLastColumn(columns: Int) {
        let line = ProgressLine.text(phase: "entities", done: 12_345, total: 160_000, rate: 812.4, remainingSeconds: 181, columns: columns)
        #expect(line.count <= columns - 1)
        if columns >= 40 { #expect(line.hasSuffix("12345/160000 files  812/s  ETA 3:01")) }
    }

    @Test func drawsTheFullBarWhenThereIsRoom() {
        let line = ProgressLine.text(phase: "decode", done: 50, total: 100, rate: 10, remainingSeconds: 5, columns: 120)
        #expect(line == "decode [############            ] 50/100 files  10/s  ETA 0:05")
    }
}
