package vn.sohoa.scanner.escl;

import java.io.IOException;
import org.w3c.dom.Element;

/**
 * The state of an eSCL scanner ({@code GET /eSCL/ScannerStatus}).
 *
 * @param state {@code pwg:State}
 * @param adf {@code scan:AdfState}; {@link AdfState#NONE} when the device has no feeder or does not say
 * @param adfStateText the device's own word for the feeder state, for messages and logs
 */
public record ScannerStatus(ScannerState state, AdfState adf, String adfStateText) {

    public enum ScannerState { IDLE, PROCESSING, TESTING, STOPPED, DOWN, UNKNOWN }

    public enum AdfState {
        LOADED, EMPTY, JAM, DOOR_OPEN, PROCESSING, NONE, OTHER;

        static AdfState fromEscl(String name) {
            return switch (name) {
                case "ScannerAdfLoaded" -> LOADED;
                case "ScannerAdfEmpty" -> EMPTY;
                case "ScannerAdfJam", "ScannerAdfMispick", "ScannerAdfMultipickDetected" -> JAM;
                case "ScannerAdfDoorOpen", "ScannerAdfHatchOpen" -> DOOR_OPEN;
                case "ScannerAdfProcessing" -> PROCESSING;
                case "" -> NONE;
                default -> OTHER;
            };
        }
    }

    static ScannerStatus parse(byte[] xml) throws IOException {
        Element root = EsclXml.root(xml, "its status");
        ScannerState state = switch (EsclXml.text(root, "State").orElse("")) {
            case "Idle" -> ScannerState.IDLE;
            case "Processing" -> ScannerState.PROCESSING;
            case "Testing" -> ScannerState.TESTING;
            case "Stopped" -> ScannerState.STOPPED;
            case "Down" -> ScannerState.DOWN;
            default -> ScannerState.UNKNOWN;
        };
        String adf = EsclXml.text(root, "AdfState").orElse("");
        return new ScannerStatus(state, AdfState.fromEscl(adf), adf);
    }
}
