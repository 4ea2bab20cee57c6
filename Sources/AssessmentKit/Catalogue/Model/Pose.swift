/// One position of an exercise, as the angles of a side-view stick figure facing right, for the
/// small picture the HTML report draws (an exercise file's `poses`). Angles are in degrees.
///
/// `trunk` is the hip-to-shoulder line measured from straight up, positive when tipped forward
/// (lying on the back with the head to the left is -90). The joint angles are flexion: the
/// thigh and upper arm from the line continuing the trunk downwards (forward positive), the shank
/// back from the thigh, the forearm forward from the upper arm. The far limbs default to the near
/// ones, so only asymmetric positions (a lunge, a bird dog) spell them out.
public struct Pose: Sendable, Hashable {
    /// The trunk's direction from straight up, forward positive.
    public var trunk: Double
    /// Hip flexion of the near leg.
    public var hip: Double
    /// Knee flexion of the near leg.
    public var knee: Double
    /// Shoulder flexion of the near arm.
    public var shoulder: Double
    /// Elbow flexion of the near arm.
    public var elbow: Double
    /// Hip flexion of the far leg.
    public var farHip: Double
    /// Knee flexion of the far leg.
    public var farKnee: Double
    /// Shoulder flexion of the far arm.
    public var farShoulder: Double
    /// Elbow flexion of the far arm.
    public var farElbow: Double

    /// Creates a pose; the far limbs copy the near ones unless given.
    public init(
        trunk: Double, hip: Double = 0, knee: Double = 0, shoulder: Double = 0, elbow: Double = 0,
        farHip: Double? = nil, farKnee: Double? = nil, farShoulder: Double? = nil, farElbow: Double? = nil
    ) {
        self.trunk = trunk
        self.hip = hip
        self.knee = knee
        self.shoulder = shoulder
        self.elbow = elbow
        self.farHip = farHip ?? hip
        self.farKnee = farKnee ?? knee
        self.farShoulder = farShoulder ?? shoulder
        self.farElbow = farElbow ?? elbow
    }
}

/// The start and end positions of one repetition or hold of an exercise.
public struct ExercisePoses: Sendable, Hashable {
    /// Where a repetition starts (or how to get into a stretch).
    public var start: Pose
    /// Where it ends (the top of the rep, the stretched position).
    public var end: Pose

    /// Creates the pair.
    public init(start: Pose, end: Pose) {
        self.start = start
        self.end = end
    }
}
