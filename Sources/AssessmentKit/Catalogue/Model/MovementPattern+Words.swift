extension MovementPattern {
    /// The pattern's lifts as a plan note names them ("squats or leg presses": whichever was
    /// rated painful, as the pattern is all the plan knows; "and" told a lifter whose squat
    /// hurt that the leg press did too); `nil` for `none`.
    var liftFamily: String? {
        switch self {
        case .squat: "squats or leg presses"
        case .hinge: "deadlifts or other hinges"
        case .hipThrust: "hip thrusts"
        case .lunge: "lunges or split squats"
        case .none: nil
        }
    }

    /// The pattern's main lift ("squats"), which a loaded version of it replaces in a program;
    /// `nil` for `none`.
    var mainLift: String? {
        switch self {
        case .squat: "squats"
        case .hinge: "deadlifts"
        case .hipThrust: "hip thrusts"
        case .lunge: "lunges"
        case .none: nil
        }
    }
}
