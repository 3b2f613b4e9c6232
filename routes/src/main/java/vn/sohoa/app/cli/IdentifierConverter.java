package vn.sohoa.app.cli;

import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;
import vn.sohoa.pipeline.Identifier;

/**
 * Picocli converters that take a code only in the {@link Identifier} syntax, so that a bad one is a usage error
 * (exit 2, the message saying what is allowed) before anything is scanned or written.
 */
public final class IdentifierConverter {

    private IdentifierConverter() {
    }

    static String checked(Identifier kind, String value) {
        try {
            return kind.check(value);
        } catch (Identifier.InvalidIdentifierException e) {
            throw new TypeConversionException(e.getMessage());
        }
    }

    /** {@code converter = IdentifierConverter.DossierCode.class}. */
    public static final class DossierCode implements ITypeConverter<String> {
        @Override
        public String convert(String value) {
            return checked(Identifier.DOSSIER_CODE, value);
        }
    }

    /** {@code converter = IdentifierConverter.AgencyCode.class}. */
    public static final class AgencyCode implements ITypeConverter<String> {
        @Override
        public String convert(String value) {
            return checked(Identifier.AGENCY_CODE, value);
        }
    }
}
