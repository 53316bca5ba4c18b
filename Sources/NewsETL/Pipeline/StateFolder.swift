/// Where a run keeps what later runs need, under the output folder:
/// `.state/` (ledger, record store, dedupe signatures, commit journal) and
/// `runs/<run-id>/` (each run's new rows).
struct StateFolder {
    let output: String

    var path: String { "\(output)/.state" }
    var ledgerPath: String { "\(path)/\(InputLedger.fileName)" }
    var recordsPath: String { "\(path)/\(RecordStore.fileName)" }
    /// This run's records, before they are merged into the store.
    var runRecordsPath: String { "\(path)/run-records.bin" }
    var runsPath: String { "\(output)/runs" }

    /// `base`, or `base-2`, `base-3`… when a run of the same second exists.
    func unusedRunID(_ base: String) -> String {
        var candidate = base
        var suffix = 2
        while FileSystem.exists("\(runsPath)/\(candidate)") {
            candidate = "\(base)-\(suffix)"
            suffix += 1
        }
        return candidate
    }
}
