/// Whether an optional key was present but could not be read: the outer optional says
/// whether the key was there, the inner one whether its value was good.
func readFailed<T>(_ value: T??) -> Bool {
    if case .some(.none) = value { return true }
    return false
}
