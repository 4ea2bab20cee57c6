extension MovementPattern {
    /// The pattern's lifts as a plan note names them ("squats and leg presses"); `nil` for `none`.
    var liftFamily: String? {
        switch self {
        case .squat: "squats and leg presses"
        case .hinge: "deadlifts and other hinges"
        case .hipThrust: "hip thrusts"
        case .lunge: "lunges and split squats"
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
