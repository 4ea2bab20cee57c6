import BackCheckYAML
import BackCheckPluginAPI

extension ReportJSON {
    static func planItem(_ item: PlanItem, into sink: inout some JSONSink) {
        let exercise = item.exercise
        sink.beginObject()
        sink.member("rank", item.rank)
        sink.member("exercise") {
            $0.object {
                $0.member("id", exercise.id); $0.member("name", exercise.name); $0.member("type", exercise.type)
                $0.member("targets", strings: exercise.targets)
                $0.member("loaded", exercise.loaded)
                $0.member("instructions", exercise.instructions)
                $0.member("cues", strings: exercise.cues)
                $0.member("cautions", strings: exercise.cautions)
                if let poses = exercise.poses { $0.member("poses") { self.poses(poses, into: &$0) } }
            }
        }
        sink.member("tier", item.tier.rawValue)
        member("priority", number: item.priority, into: &sink)
        // Spec 7.1: `sides` only for work done per side, so a two-legged squat is never labelled.
        if item.dosage.perSide == true || !item.sides.isEmpty {
            sink.member("sides", strings: item.sides.map(\.rawValue))
        }
        sink.member("dosage") { dosage(item.dosage, into: &$0) }
        sink.member("because") { $0.array { for reason in item.because { self.reason(reason, into: &$0) } } }
        sink.endObject()
    }

    static func poses(_ poses: ExercisePoses, into sink: inout some JSONSink) {
        func pose(_ pose: Pose, into sink: inout some JSONSink) {
            sink.beginObject()
            member("trunk", number: pose.trunk, into: &sink)
            let near: [(StaticString, Double)] = [("hip", pose.hip), ("knee", pose.knee), ("shoulder", pose.shoulder), ("elbow", pose.elbow)]
            let far: [(StaticString, Double)] = [("far_hip", pose.farHip), ("far_knee", pose.farKnee), ("far_shoulder", pose.farShoulder), ("far_elbow", pose.farElbow)]
            for (key, angle) in near where angle != 0 { member(key, number: angle, into: &sink) }
            for ((key, angle), (_, nearAngle)) in zip(far, near) where angle != nearAngle { member(key, number: angle, into: &sink) }
            sink.endObject()
        }
        sink.object { $0.member("start") { pose(poses.start, into: &$0) }; $0.member("end") { pose(poses.end, into: &$0) } }
    }

    static func dosage(_ dosage: Dosage, into sink: inout some JSONSink) {
        sink.beginObject()
        if let sets = dosage.sets { sink.member("sets", sets) }
        if let reps = dosage.reps { sink.member("reps", reps) }
        if dosage.pyramid { sink.member("pyramid", true) }
        if let hold = dosage.holdSeconds { member("hold_s", number: hold, into: &sink) }
        if let perSide = dosage.perSide { sink.member("per_side", perSide) }
        if let frequency = dosage.frequency { sink.member("frequency", frequency) }
        if let minutes = dosage.durationMinutes { member("duration_min", number: minutes, into: &sink) }
        if let note = dosage.note { sink.member("note", note) }
        sink.endObject()
    }

    static func reason(_ reason: PlanReason, into sink: inout some JSONSink) {
        sink.beginObject()
        sink.member("assessment", reason.assessment); sink.member("finding", reason.finding); sink.member("title", reason.title)
        if let side = reason.side { sink.member("side", side.rawValue) }
        member("severity", number: reason.severity, into: &sink)
        member("weight", number: reason.weight, into: &sink)
        sink.member("asymmetry", reason.asymmetry)
        member("contribution", number: reason.contribution, into: &sink)
        sink.endObject()
    }
}
