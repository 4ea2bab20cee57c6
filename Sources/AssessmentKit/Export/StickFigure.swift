#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// Draws a ``Pose`` as a small inline SVG stick figure: straight segments and a circle for
/// the head, the far limbs paler, standing on a ground line. No images, fonts or scripts, so
/// the page stays self-contained and prints as drawn.
enum StickFigure {
    /// Segment lengths in drawing units, in roughly adult proportions.
    private enum Length {
        static let trunk = 50.0, neck = 14.0, head = 9.0, thigh = 42.0, shank = 40.0, foot = 12.0
        static let upperArm = 30.0, forearm = 26.0
    }

    private struct Point { var x: Double, y: Double }

    /// The figure's lines and head, in coordinates with y up and the hip at the origin.
    private static func skeleton(_ pose: Pose) -> (near: [[Point]], far: [[Point]], head: Point) {
        func direction(_ degrees: Double) -> Point {
            let radians = degrees * .pi / 180
            return Point(x: sin(radians), y: cos(radians))
        }
        func step(_ from: Point, _ length: Double, _ degrees: Double) -> Point {
            let unit = direction(degrees)
            return Point(x: from.x + length * unit.x, y: from.y + length * unit.y)
        }
        let hip = Point(x: 0, y: 0)
        let shoulder = step(hip, Length.trunk, pose.trunk)
        func leg(hipFlexion: Double, knee: Double) -> [Point] {
            let thigh = pose.trunk + 180 - hipFlexion
            let kneePoint = step(hip, Length.thigh, thigh)
            let ankle = step(kneePoint, Length.shank, thigh + knee)
            return [hip, kneePoint, ankle, step(ankle, Length.foot, thigh + knee - 90)]
        }
        func arm(shoulderFlexion: Double, elbow: Double) -> [Point] {
            let upper = pose.trunk + 180 - shoulderFlexion
            let elbowPoint = step(shoulder, Length.upperArm, upper)
            return [shoulder, elbowPoint, step(elbowPoint, Length.forearm, upper - elbow)]
        }
        return (
            near: [[hip, shoulder], leg(hipFlexion: pose.hip, knee: pose.knee), arm(shoulderFlexion: pose.shoulder, elbow: pose.elbow)],
            far: [leg(hipFlexion: pose.farHip, knee: pose.farKnee), arm(shoulderFlexion: pose.farShoulder, elbow: pose.farElbow)],
            head: step(shoulder, Length.neck, pose.trunk))
    }

    /// One pose as an `<svg>` of `size` CSS pixels square, labelled for screen readers
    /// (`label` is plain text, escaped here: it comes from a catalogue or a saved report).
    static func svg(_ pose: Pose, label: String, size: Int = 96) -> String {
        let figure = skeleton(pose)
        let points = (figure.near + figure.far).flatMap { $0 }
        let r = Length.head
        let minX = min(points.map(\.x).min()!, figure.head.x - r), maxX = max(points.map(\.x).max()!, figure.head.x + r)
        let minY = min(points.map(\.y).min()!, figure.head.y - r), maxY = max(points.map(\.y).max()!, figure.head.y + r)
        let margin = 8.0
        let side = max(maxX - minX, maxY - minY) + 2 * margin
        // SVG's y grows downwards: flip, centre sideways, and stand the lowest point on the ground.
        let offsetX = (side - (maxX - minX)) / 2 - minX
        func place(_ point: Point) -> String { "\(format(point.x + offsetX)),\(format(side - margin - (point.y - minY)))" }
        func lines(_ chains: [[Point]], colour: String) -> String {
            chains.map { "<polyline points=\"\($0.map(place).joined(separator: " "))\" stroke=\"\(colour)\"/>" }.joined()
        }
        let ground = format(side - margin + 1.5)
        return "<svg class=\"figure\" role=\"img\" aria-label=\"\(HTMLText.escape(label))\" width=\"\(size)\" height=\"\(size)\" viewBox=\"0 0 \(format(side)) \(format(side))\" fill=\"none\" stroke-width=\"4\" stroke-linecap=\"round\" stroke-linejoin=\"round\">"
            + "<line x1=\"0\" y1=\"\(ground)\" x2=\"\(format(side))\" y2=\"\(ground)\" stroke=\"#9aa3ad\" stroke-width=\"2\"/>"
            + lines(figure.far, colour: "#9aa3ad") + lines(figure.near, colour: "currentColor")
            + "<circle cx=\"\(format(figure.head.x + offsetX))\" cy=\"\(format(side - margin - (figure.head.y - minY)))\" r=\"\(format(r))\" stroke=\"currentColor\"/></svg>"
    }

    /// Both poses of an exercise, start then end, with an arrow between.
    static func pair(_ poses: ExercisePoses, name: String) -> String {
        "<div class=\"figures\">" + svg(poses.start, label: "\(name): start position") + "<span aria-hidden=\"true\">→</span>"
            + svg(poses.end, label: "\(name): end position") + "</div>"
    }

    private static func format(_ value: Double) -> String {
        let rounded = (value * 10).rounded() / 10
        return rounded == rounded.rounded() ? String(Int(rounded)) : String(rounded)
    }
}
