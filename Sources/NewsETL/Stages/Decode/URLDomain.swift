import Foundation

/// The site a page's URL names, as analysts group by it: the host, lower
/// case, without a leading `www.` (`https://WWW.Example.co.uk/a` →
/// `example.co.uk`). Nil for a URL without a host.
enum URLDomain {
    static func of(_ url: String?) -> String? {
        guard let url else { return nil }
        let trimmed = url.trimmingCharacters(in: .whitespaces)
        let absolute = trimmed.hasPrefix("//") ? "http:" + trimmed : trimmed
        guard let host = URLComponents(string: absolute)?.host?.lowercased(), !host.isEmpty,
              host.contains("."), !host.hasPrefix("."), !host.hasSuffix(".") else { return nil }
        let domain = host.hasPrefix("www.") ? String(host.dropFirst(4)) : host
        return domain.contains(".") ? domain : nil
    }
}
