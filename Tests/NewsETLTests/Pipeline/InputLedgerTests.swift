import Testing
@testable import NewsETL

/// The ledger is sorted columns looked up by a search, not a dictionary:
/// lookups, updates and what is saved must be what a table by path gave.
@Suite struct InputLedgerTests {
    private static func entry(_ path: String, size: Int = 1, run: String = "run-1") -> InputLedger.Entry {
        InputLedger.Entry(size: size, modifiedNanoseconds: 0, outcome: FileOutcome(path: path, kind: .kept), runID: run)
    }

    private static func ledger(_ config: String, _ entries: [InputLedger.Entry]) -> InputLedger {
        InputLedger(configSHA256: config, outcomes: entries.map(\.outcome),
                    stamps: entries.map { InputFile.Stamp(size: $0.size, modifiedNanoseconds: $0.modifiedNanoseconds) },
                    runIDs: entries.map(\.runID))
    }

    @Test func entriesInAnyOrderAreKeptOnePerPathInPathOrderTheLaterWinning() {
        let ledger = Self.ledger("c", [Self.entry("b.txt"), Self.entry("a/z.txt"), Self.entry("b.txt", size: 2),
                                                               Self.entry("ä.txt"), Self.entry("a.txt")])
        #expect(ledger.outcomes.map(\.path) == ["a.txt", "a/z.txt", "b.txt", "ä.txt"])
        #expect(ledger.entry("b.txt")?.size == 2)
        #expect(ledger.entry("a/z.txt") != nil)
        #expect(ledger.entry("a") == nil && ledger.entry("c.txt") == nil && ledger.entry("") == nil)
    }

    @Test func anUpdateDropsReplacedPathsAndAddsTheRunsFilesWhichWin() {
        let earlier = Self.ledger("old", ["a.txt", "b.txt", "c.txt", "d.txt"].map { Self.entry($0) })
        let added = Self.ledger("new", ["c.txt", "a.txt", "e.txt"].map { Self.entry($0, size: 2, run: "run-2") })
        let updated = earlier.updated(removing: ["b.txt", "c.txt"], adding: added, configSHA256: "new")
        #expect(updated.configSHA256 == "new")
        #expect(updated.outcomes.map(\.path) == ["a.txt", "c.txt", "d.txt", "e.txt"])
        #expect(updated.outcomes.map { updated.entry($0.path)?.runID } == ["run-2", "run-2", "run-1", "run-2"])
        #expect(updated.outcomes.map { updated.entry($0.path)?.size } == [2, 2, 1, 2])
    }

    @Test func columnsAlreadyInPathOrderAreKeptAsTheyAreNotCopied() {
        let inPathOrder = ["a.txt", "b.txt", "c.txt"].map { FileOutcome(path: $0, kind: .kept) }
        let stamps = Array(repeating: InputFile.Stamp(size: 1, modifiedNanoseconds: 0), count: 3)
        let ledger = InputLedger(configSHA256: "c", outcomes: inPathOrder, stamps: stamps, runIDs: ["r", "r", "r"])
        #expect(ledger.outcomes.withUnsafeBufferPointer(\.baseAddress) == inPathOrder.withUnsafeBufferPointer(\.baseAddress))
        let reversed = Array(inPathOrder.reversed())
        let sorted = InputLedger(configSHA256: "c", outcomes: reversed, stamps: stamps, runIDs: ["r", "r", "r"])
        #expect(sorted.outcomes == inPathOrder && sorted == ledger)
    }

    @Test func whatIsSavedLoadsAsItWas() throws {
        let folder = TemporaryFolder()
        let store = StateStore(output: folder.path)
        let ledger = Self.ledger("c", (0..<50).map { Self.entry("f\(($0 * 37) % 50).txt", size: $0) })
        let transaction = OutputTransaction(folder: folder.path)
        try ledger.save(to: store.ledger, into: transaction)
        try transaction.commit()
        #expect(try InputLedger.load(store.ledger).get() == ledger)
    }
}
