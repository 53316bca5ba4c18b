import Foundation

/// The URL a page calls its own: `<link rel="canonical">`, else `og:url`.
/// A relative link is resolved against `og:url` (nothing without it); a protocol-relative one
/// (`//host/path`) takes https. The `#fragment` goes (it names a place in
/// the page, not another page). A link that cannot be made absolute is
/// no URL at all, never a guess.
enum CanonicalURL {
    static func resolve(link: String?, ogURL: String?) -> String? {
        let base = ogURL.flatMap { absolute($0, base: nil) }
        return link.flatMap { absolute($0, base: base) } ?? base
    }

    private static func absolute(_ text: String, base: String?) -> String? {
        var candidate = text.trimmingCharacters(in: .whitespaces)
        if let hash = candidate.firstIndex(of: "#") { candidate = String(candidate[..<hash]) }
        if candidate.hasPrefix("//") { candidate = "https:" + candidate }
        if !candidate.lowercased().hasPrefix("http://") && !candidate.lowercased().hasPrefix("https://") {
            let scheme = candidate.prefix { $0.isLetter || $0.isNumber || "+.-".contains($0) }
            guard !candidate.dropFirst(scheme.count).hasPrefix(":"),
                  let base, let baseURL = URL(string: base),
                  let resolved = URL(string: candidate, relativeTo: baseURL)?.absoluteString else { return nil }
            candidate = resolved
        }
        guard !candidate.contains(" "), URLDomain.of(candidate) != nil else { return nil }
        return candidate
    }
}
