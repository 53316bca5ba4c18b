/// A bar chart as inline SVG, for the run report: no script, no external
/// file, readable when printed. Each bar carries its label and value as a
/// tooltip (`<title>`) and the axis names the largest value.
struct SVGBarChart {
    var title: String
    var bars: [(label: String, value: Int)]
    var width = 760
    var height = 180

    var svg: String {
        // A few bars stay narrow rather than filling the page.
        let width = min(self.width, max(240, 64 + bars.count * 56))
        let left = 48, bottom = 36, top = 12
        let plotWidth = width - left - 8, plotHeight = height - bottom - top
        let maximum = max(bars.map(\.value).max() ?? 0, 1)
        let slot = bars.isEmpty ? 0 : Double(plotWidth) / Double(bars.count)
        var parts = [#"<svg xmlns="http://www.w3.org/2000/svg" role="img" width="\#(width)" height="\#(height)" viewBox="0 0 \#(width) \#(height)">"#,
                     "<title>\(HTMLText.escaped(title))</title>",
                     ##"<line x1="\##(left)" y1="\##(top + plotHeight)" x2="\##(width - 8)" y2="\##(top + plotHeight)" stroke="#888"/>"##,
                     #"<text x="\#(left - 6)" y="\#(top + 10)" text-anchor="end" font-size="11">\#(maximum)</text>"#,
                     #"<text x="\#(left - 6)" y="\#(top + plotHeight)" text-anchor="end" font-size="11">0</text>"#]
        // At most about twelve labels under the axis, evenly spaced, first and last included.
        let labelEvery = max(1, (bars.count + 11) / 12)
        for (index, bar) in bars.enumerated() {
            let barHeight = Double(plotHeight) * Double(bar.value) / Double(maximum)
            let x = Double(left) + slot * Double(index) + slot * 0.1
            let y = Double(top + plotHeight) - barHeight
            parts.append(##"<rect x="\##(Self.format(x))" y="\##(Self.format(y))" width="\##(Self.format(max(slot * 0.8, 1)))" height="\##(Self.format(barHeight))" fill="#3b6ea5">"##
                         + "<title>\(HTMLText.escaped(bar.label)): \(bar.value)</title></rect>")
            if index % labelEvery == 0 || index == bars.count - 1 {
                let center = Double(left) + slot * (Double(index) + 0.5)
                parts.append(#"<text x="\#(Self.format(center))" y="\#(top + plotHeight + 14)" text-anchor="middle" font-size="10">\#(HTMLText.escaped(bar.label))</text>"#)
            }
        }
        parts.append("</svg>")
        return parts.joined(separator: "\n")
    }

    /// One decimal place, so the same data always gives the same bytes.
    private static func format(_ value: Double) -> String {
        let tenths = Int((value * 10).rounded())
        return "\(tenths / 10).\(abs(tenths % 10))"
    }
}

/// Text made safe for HTML element content and attribute values.
enum HTMLText {
    static func escaped(_ text: String) -> String {
        var out = ""
        out.reserveCapacity(text.utf8.count)
        for character in text {
            switch character {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"": out += "&quot;"
            case "'": out += "&#39;"
            default: out.append(character)
            }
        }
        return out
    }
}
