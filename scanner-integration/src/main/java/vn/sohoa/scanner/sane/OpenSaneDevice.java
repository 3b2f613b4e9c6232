package vn.sohoa.scanner.sane;

import au.com.southsky.jfreesane.OptionValueConstraintType;
import au.com.southsky.jfreesane.OptionValueType;
import au.com.southsky.jfreesane.RangeConstraint;
import au.com.southsky.jfreesane.SaneDevice;
import au.com.southsky.jfreesane.SaneException;
import au.com.southsky.jfreesane.SaneOption;
import au.com.southsky.jfreesane.SaneStatus;
import java.awt.image.BufferedImage;
import java.io.Closeable;
import java.io.IOException;
import java.net.SocketException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.Predicate;
import vn.sohoa.scanner.FeederEmptyException;
import vn.sohoa.scanner.ScannerException;
import vn.sohoa.scanner.UnsupportedSettingException;
import vn.sohoa.scanner.sane.SaneScanSettings.Mode;
import vn.sohoa.scanner.sane.SaneScanSettings.Source;

/**
 * One SANE device, opened for scanning. Settings use SANE's well-known option names
 * ({@code resolution}, {@code mode}, {@code source}, {@code tl-x} ... {@code br-y}); the values of
 * {@code mode} and {@code source} differ between backends ("Color" / "24bit Color", "ADF" /
 * "Automatic Document Feeder" / "ADF Front"), so they are matched by meaning.
 */
public final class OpenSaneDevice implements Closeable {

    private final SaneDevice device;
    private final String label;

    OpenSaneDevice(SaneDevice device, String label) {
        this.device = device;
        this.label = label;
    }

    /** The paper sources the device names, e.g. [Flatbed, ADF Front, ADF Duplex]; empty if it has one. */
    public List<String> sources() throws ScannerException {
        return stringChoices("source");
    }

    public List<String> modes() throws ScannerException {
        return stringChoices("mode");
    }

    /** Sets resolution, colour mode, source (and duplex if asked) and the scan area. */
    public void configure(SaneScanSettings settings) throws ScannerException {
        setSource(settings.source());
        setChoice("mode", "colour mode", settings.mode(), modeMatch(settings.mode()));
        setResolution(settings.resolution());
        setArea(settings.widthMm(), settings.heightMm());
    }

    /**
     * Sets a device-specific option by name, e.g. {@code page-height} or a backend's own dropout
     * colour, from a scanner profile. The value is converted to the option's type.
     */
    public void setOption(String name, String value) throws ScannerException {
        SaneOption option = option(name).orElseThrow(() -> new UnsupportedSettingException(
                label + " has no option \"" + name + "\": check the option names with scanimage -A."));
        try {
            switch (option.getType()) {
                case STRING -> option.setStringValue(value);
                case INT -> option.setIntegerValue(Integer.parseInt(value.strip()));
                case FIXED -> option.setFixedValue(Double.parseDouble(value.strip()));
                case BOOLEAN -> option.setBooleanValue(Boolean.parseBoolean(value.strip()) || value.strip().equals("yes"));
                case BUTTON -> option.setButtonValue();
                default -> throw new UnsupportedSettingException(label + " option \"" + name + "\" cannot be set.");
            }
        } catch (NumberFormatException e) {
            throw new UnsupportedSettingException(label + " option \"" + name + "\" takes a number, not \"" + value + "\".");
        } catch (IOException e) {
            throw lost(e);
        } catch (SaneException e) {
            throw SaneFailure.of(e, label + " (option " + name + ")", 0);
        }
    }

    /** Scans one page (from whatever source is set). */
    public BufferedImage acquirePage() throws ScannerException {
        try {
            return device.acquireImage();
        } catch (IOException e) {
            cancelQuietly();
            throw lost(e);
        } catch (SaneException e) {
            cancelQuietly();
            throw SaneFailure.of(e, label, 0);
        }
    }

    /**
     * Scans pages from the feeder until it is empty, giving each to {@code pages} as it arrives. A jam
     * or any other failure ends the batch with an exception; the pages before it have been given.
     *
     * @return the number of pages scanned
     * @throws FeederEmptyException when the feeder had no paper at all
     */
    public int acquireFeederBatch(Consumer<BufferedImage> pages) throws ScannerException {
        int scanned = 0;
        while (true) {
            BufferedImage page;
            try {
                page = device.acquireImage();
            } catch (IOException e) {
                cancelQuietly();
                throw lost(e);
            } catch (SaneException e) {
                if (e.getStatus() == SaneStatus.STATUS_NO_DOCS && scanned > 0) {
                    return scanned;
                }
                cancelQuietly();
                throw SaneFailure.of(e, label, scanned);
            }
            scanned++;
            pages.accept(page);
        }
    }

    /** {@link #acquireFeederBatch(Consumer)} collected into a list. */
    public List<BufferedImage> acquireFeederBatch() throws ScannerException {
        List<BufferedImage> pages = new ArrayList<>();
        acquireFeederBatch(pages::add);
        return pages;
    }

    @Override
    public void close() throws IOException {
        try {
            device.close();
        } catch (SocketException gone) {
            // saned may end a connection whose scan failed; it frees the device with the connection
        }
    }

    private void setSource(Source source) throws ScannerException {
        Optional<SaneOption> option = option("source");
        if (option.isEmpty()) {
            if (source != Source.FLATBED) {
                throw new UnsupportedSettingException(label + " has no paper source to choose; it cannot scan from a"
                        + " feeder: use its flatbed settings.");
            }
            return;
        }
        List<String> offered = sources();
        if (source == Source.FEEDER_DUPLEX && offered.stream().noneMatch(sourceMatch(Source.FEEDER_DUPLEX))) {
            // some backends have a feeder source plus a separate duplex switch
            Optional<SaneOption> duplex = option("duplex").filter(SaneOption::isActive);
            if (duplex.isEmpty()) {
                throw new UnsupportedSettingException(label, "paper source", source, offered);
            }
            setChoice("source", "paper source", Source.FEEDER, sourceMatch(Source.FEEDER));
            setOption("duplex", "true");
            return;
        }
        setChoice("source", "paper source", source, sourceMatch(source));
    }

    private void setResolution(int dpi) throws ScannerException {
        SaneOption option = option("resolution").orElseThrow(() -> new UnsupportedSettingException(
                label + " has no resolution option: its backend is not a document scanner."));
        try {
            List<Integer> offered = resolutions(option);
            boolean fits = option.getConstraintType() == OptionValueConstraintType.RANGE_CONSTRAINT
                    ? inRange(option, dpi) : offered.isEmpty() || offered.contains(dpi);
            if (!fits) {
                throw new UnsupportedSettingException(label, "resolution (dpi)", dpi, offered);
            }
            if (option.getType() == OptionValueType.FIXED) {
                option.setFixedValue(dpi);
            } else {
                option.setIntegerValue(dpi);
            }
        } catch (IOException e) {
            throw lost(e);
        } catch (SaneException e) {
            throw SaneFailure.of(e, label + " (resolution " + dpi + " dpi)", 0);
        }
    }

    private void setArea(double widthMm, double heightMm) throws ScannerException {
        setCoordinate("tl-x", 0);
        setCoordinate("tl-y", 0);
        setCoordinate("br-x", widthMm);
        setCoordinate("br-y", heightMm);
    }

    /** Sets a geometry option, cut down to its range; backends without it scan their full area. */
    private void setCoordinate(String name, double mm) throws ScannerException {
        Optional<SaneOption> found = option(name).filter(SaneOption::isActive).filter(SaneOption::isWriteable);
        if (found.isEmpty()) {
            return;
        }
        SaneOption option = found.get();
        try {
            if (option.getType() == OptionValueType.FIXED) {
                double max = option.getConstraintType() == OptionValueConstraintType.RANGE_CONSTRAINT
                        ? option.getRangeConstraints().getMaximumFixed() : mm;
                option.setFixedValue(Math.min(mm, max));
            } else if (option.getType() == OptionValueType.INT) {
                int max = option.getConstraintType() == OptionValueConstraintType.RANGE_CONSTRAINT
                        ? option.getRangeConstraints().getMaximumInteger() : (int) Math.round(mm);
                option.setIntegerValue((int) Math.min(Math.round(mm), max));
            }
        } catch (IOException e) {
            throw lost(e);
        } catch (SaneException e) {
            throw SaneFailure.of(e, label + " (scan area " + name + ")", 0);
        }
    }

    private void setChoice(String name, String what, Object asked, Predicate<String> matches) throws ScannerException {
        List<String> offered = stringChoices(name);
        String value = offered.stream().filter(matches).findFirst()
                .orElseThrow(() -> new UnsupportedSettingException(label, what, asked, offered));
        setOption(name, value);
    }

    private List<String> stringChoices(String name) throws ScannerException {
        return option(name).filter(option -> option.getConstraintType() == OptionValueConstraintType.STRING_LIST_CONSTRAINT)
                .map(SaneOption::getStringConstraints).map(List::copyOf).orElse(List.of());
    }

    private static List<Integer> resolutions(SaneOption option) {
        if (option.getConstraintType() != OptionValueConstraintType.VALUE_LIST_CONSTRAINT) {
            return List.of();
        }
        if (option.getType() == OptionValueType.FIXED) {
            return option.getFixedValueListConstraint().stream().map(value -> (int) Math.round(value)).toList();
        }
        return List.copyOf(option.getIntegerValueListConstraint());
    }

    private static boolean inRange(SaneOption option, int dpi) {
        RangeConstraint range = option.getRangeConstraints();
        return option.getType() == OptionValueType.FIXED
                ? dpi >= range.getMinimumFixed() && dpi <= range.getMaximumFixed()
                : dpi >= range.getMinimumInteger() && dpi <= range.getMaximumInteger();
    }

    private static Predicate<String> modeMatch(Mode mode) {
        return value -> {
            String name = value.toLowerCase(Locale.ROOT);
            return switch (mode) {
                case COLOR -> name.contains("color") || name.contains("colour");
                case GRAY -> name.contains("gray") || name.contains("grey");
                case LINEART -> name.contains("lineart") || name.contains("binary") || name.contains("black");
            };
        };
    }

    private static Predicate<String> sourceMatch(Source source) {
        return value -> {
            String name = value.toLowerCase(Locale.ROOT);
            boolean feeder = name.contains("adf") || name.contains("feeder") || name.contains("automatic document");
            boolean duplex = name.contains("duplex");
            return switch (source) {
                case FLATBED -> name.contains("flatbed") || name.contains("platen") || name.contains("glass");
                case FEEDER -> feeder && !duplex && !name.contains("back") && !name.contains("rear");
                case FEEDER_DUPLEX -> duplex;
            };
        };
    }

    private Optional<SaneOption> option(String name) throws ScannerException {
        try {
            return Optional.ofNullable(device.getOption(name));
        } catch (IOException e) {
            throw lost(e);
        }
    }

    private void cancelQuietly() {
        try {
            device.cancel();
        } catch (IOException ignored) {
            // the failure being reported matters more than a failed cancel
        }
    }

    private ScannerException lost(IOException e) {
        return new ScannerException("Lost the connection to " + label + ": " + e.getMessage() + ". Check that saned"
                + " still runs and the scanner is connected, then scan again.", e);
    }
}
