import Testing
@testable import NewsETL

/// The ledger is a sorted array looked up by a search, not a dictionary:
/// lookups, updates and what is saved must be what a table by path gave.
@Suite struct InputLedgerTests {
    private static func entry(_ path: String, size: Int = 1, run: String = "run-1") -> InputLedger.Entry {
        InputLedger.Entry(size: size, modifiedNanoseconds: 0, outcome: FileOutcome(path: path, kind: .kept), runID: run)
    }

    @Test func entriesInAnyOrderAreKeptOnePerPathInPathOrderTheLaterWinning() {
        let ledger = InputLedger(configSHA256: "c", entries: [Self.entry("b.txt"), Self.entry("a/z.txt"), Self.entry("b.txt", size: 2),
                                                               Self.entry("ä.txt"), Self.entry("a.txt")])
        #expect(ledger.entries.map(\.outcome.path) == ["a.txt", "a/z.txt", "b.txt", "ä.txt"])
        #expect(ledger.entry("b.txt")?.size == 2)
        #expect(ledger.entry("a/z.txt") != nil)
        #expect(ledger.entry("a") == nil && ledger.entry("c.txt") == nil && ledger.entry("") == nil)
    }

    @Test func anUpdateDropsReplacedPathsAndAddsTheRunsFilesWhichWin() {
        let earlier = InputLedger(configSHA256: "old", entries: ["a.txt", "b.txt", "c.txt", "d.txt"].map { Self.entry($0) })
        let updated = earlier.updated(removing: ["b.txt", "c.txt"],
                                      adding: [Self.entry("c.txt", run: "run-2"), Self.entry("a.txt", run: "run-2"), Self.entry("e.txt", run: "run-2")],
                                      configSHA256: "new")
        #expect(updated.configSHA256 == "new")
        #expect(updated.entries.map(\.outcome.path) == ["a.txt", "c.txt", "d.txt", "e.txt"])
        #expect(updated.entries.map(\.runID) == ["run-2", "run-2", "run-1", "run-2"])
    }

    @Test func theOutcomesShareTheRunsArrayOnlyWhenItHoldsExactlyThem() {
        let ledger = InputLedger(configSHA256: "c", entries: ["b.txt", "a.txt", "c.txt"].map { Self.entry($0) })
        let inPathOrder = ["a.txt", "b.txt", "c.txt"].map { FileOutcome(path: $0, kind: .kept) }
        let shared = ledger.outcomes(sharing: inPathOrder)
        #expect(shared == inPathOrder)
        #expect(shared.withUnsafeBufferPointer(\.baseAddress) == inPathOrder.withUnsafeBufferPointer(\.baseAddress))
        for other in [Array(inPathOrder.reversed()), Array(inPathOrder.prefix(2)),
                      inPathOrder.map { FileOutcome(path: $0.path, kind: .rejected, reason: .empty) }] {
            #expect(ledger.outcomes(sharing: other) == inPathOrder)
        }
    }

    @Test func whatIsSavedLoadsAsItWas() throws {
        let folder = TemporaryFolder()
        let store = StateStore(output: folder.path)
        let ledger = InputLedger(configSHA256: "c", entries: (0..<50).map { Self.entry("f\(($0 * 37) % 50).txt", size: $0) })
        let transaction = OutputTransaction(folder: folder.path)
        try ledger.save(to: store.ledger, into: transaction)
        try transaction.commit()
        #expect(try InputLedger.load(store.ledger).get() == ledger)
    }
}
