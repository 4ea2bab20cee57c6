#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif
import BackCheckExpressions
import BackCheckPluginAPI

/// An inline SVG chart of one numeric input: a track across the input's range, the values
/// that would raise a finding shaded, and the person's value marked — one row per side,
/// left above right, so the two sides can be compared at a glance.
struct HTMLChart {
    let input: ReportInput
    let answer: Binding

    private static let width = 480.0
    private static let labelWidth = 64.0
    private static let rowHeight = 30.0

    /// The `<svg>` element, or `nil` when there is no number to draw.
    func svg() -> String? {
        let rows: [(label: String, side: Side?, value: Double)] = switch answer {
        case .single(let value): value?.numberValue.map { [("", nil, $0)] } ?? []
        case .bilateral(let left, let right):
            [("left", Side.left, left?.numberValue), ("right", Side.right, right?.numberValue)].compactMap { row in
                row.2.map { (row.0, row.1, $0) }
            }
        }
        guard !rows.isEmpty, let domain = domain(values: rows.map(\.value)) else { return nil }
        let trackWidth = Self.width - Self.labelWidth - 80
        func x(_ value: Double) -> Double {
            let clamped = min(max(value, domain.lowerBound), domain.upperBound)
            return Self.labelWidth + (clamped - domain.lowerBound) / (domain.upperBound - domain.lowerBound) * trackWidth
        }
        let height = Double(rows.count) * Self.rowHeight + 22
        let title = "\(input.label): " + rows.map { row in
            (row.label.isEmpty ? "" : "\(row.label) ") + Wording.value(.number(row.value), unit: input.unit)
        }.joined(separator: ", ")
        var parts = [
            "<svg class=\"chart\" role=\"img\" viewBox=\"0 0 \(Int(Self.width)) \(Int(height))\" width=\"\(Int(Self.width))\" height=\"\(Int(height))\">",
            "<title>\(HTMLText.escape(title))</title>",
        ]
        for (index, row) in rows.enumerated() {
            let top = Double(index) * Self.rowHeight + 6
            let middle = top + 9
            parts.append(text(row.label, x: 0, y: middle + 4, anchor: "start"))
            parts.append(rect(x: x(domain.lowerBound), y: top, width: trackWidth, height: 18, cssClass: "track"))
            for interval in input.flagged(on: row.side)?.intervals ?? [] {
                let start = x(interval.lowerBound)
                parts.append(rect(x: start, y: top, width: max(2, x(interval.upperBound) - start), height: 18, cssClass: "flag"))
            }
            let marker = x(row.value)
            parts.append("<line class=\"value\" x1=\"\(HTMLText.coordinate(marker))\" y1=\"\(HTMLText.coordinate(top - 3))\" x2=\"\(HTMLText.coordinate(marker))\" y2=\"\(HTMLText.coordinate(top + 21))\"/>")
            parts.append(text(Wording.value(.number(row.value), unit: input.unit), x: Self.labelWidth + trackWidth + 8, y: middle + 4, anchor: "start"))
        }
        let axis = Double(rows.count) * Self.rowHeight + 14
        parts.append(text(NumberText.format(domain.lowerBound), x: x(domain.lowerBound), y: axis, anchor: "start"))
        parts.append(text(NumberText.format(domain.upperBound), x: x(domain.upperBound), y: axis, anchor: "end"))
        parts.append("</svg>")
        return parts.joined()
    }

    /// The range drawn: a window of the probed domain (else the input's range) around the
    /// person's values and the edges of the flagged ranges, so a 0-520 week scale does not
    /// squeeze a value of 10 and its cut-off of 8 into one pixel.
    private func domain(values: [Double]) -> ClosedRange<Double>? {
        let full: ClosedRange<Double>
        if let probed = input.flagged.first?.domain, probed.lowerBound < probed.upperBound {
            full = probed
        } else if let range = input.range, range.lowerBound < range.upperBound {
            full = range
        } else {
            guard let low = values.min(), let high = values.max() else { return nil }
            let lower = min(0, low)
            return lower...max(high * 1.5, lower + 1)
        }
        let edges = input.flagged.flatMap(\.intervals).flatMap { [$0.lowerBound, $0.upperBound] }
            .filter { $0 > full.lowerBound && $0 < full.upperBound }
        let points = values + edges
        guard let low = points.min(), let high = points.max() else { return full }
        let pad = max((high - low) * 0.5, (full.upperBound - full.lowerBound) * 0.15)
        // Out to round numbers, so the axis reads 0 to 25, not 0.9 to 23.4.
        let step = Self.roundStep((high - low + 2 * pad) / 4)
        let lower = max(full.lowerBound, ((low - pad) / step).rounded(.down) * step)
        let upper = min(full.upperBound, ((high + pad) / step).rounded(.up) * step)
        return lower < upper ? lower...upper : full
    }

    /// The 1, 2 or 5 × 10ⁿ at or above `rough`.
    private static func roundStep(_ rough: Double) -> Double {
        guard rough > 0, rough.isFinite else { return 1 }
        let power = pow(10, (log10(rough)).rounded(.down))
        return [1.0, 2, 5, 10].first { $0 * power >= rough }! * power
    }

    private func rect(x: Double, y: Double, width: Double, height: Double, cssClass: String) -> String {
        "<rect class=\"\(cssClass)\" x=\"\(HTMLText.coordinate(x))\" y=\"\(HTMLText.coordinate(y))\" width=\"\(HTMLText.coordinate(width))\" height=\"\(HTMLText.coordinate(height))\"/>"
    }

    private func text(_ content: String, x: Double, y: Double, anchor: String) -> String {
        "<text x=\"\(HTMLText.coordinate(x))\" y=\"\(HTMLText.coordinate(y))\" text-anchor=\"\(anchor)\">\(HTMLText.escape(content))</text>"
    }
}
