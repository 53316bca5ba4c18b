import Foundation

/// This process's memory as the kernel counts it (`/proc/self/status`), for
/// the evaluations that report memory per document; 0 where there is no
/// such file.
enum ProcessMemory {
    /// VmRSS: resident now.
    static var residentBytes: Int { statusBytes("VmRSS:") }
    /// VmHWM: the peak resident memory so far.
    static var peakResidentBytes: Int { statusBytes("VmHWM:") }

    private static func statusBytes(_ field: String) -> Int {
        guard let status = try? String(contentsOfFile: "/proc/self/status", encoding: .utf8),
              let line = status.split(separator: "\n").first(where: { $0.hasPrefix(field) }),
              let kilobytes = Int(line.split(separator: " ").dropFirst().first ?? "") else { return 0 }
        return kilobytes * 1024
    }
}
