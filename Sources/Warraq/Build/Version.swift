/// Warraq's version: `warraq --version` prints it. The one place it is written.
public enum WarraqVersion {
    public static let current = "0.1.0"
}
