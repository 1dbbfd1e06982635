/** Registers the optional server features; each lives in its own module. */
import './diagnosticsFeature';
import './codeActionsFeature';
import './authoringFeature';
export {};
