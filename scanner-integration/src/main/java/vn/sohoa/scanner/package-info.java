/**
 * Scanners at the reception desk and in the archive room: {@code sane} (USB and network scanners
 * through saned), {@code escl} (driverless AirScan / Mopria network scanners) and {@code coversheet}
 * (printed sheets that tell a long feeder batch where each dossier and document begins). The
 * exceptions here are shared, so a caller handles an empty feeder or a jam the same way whatever the
 * protocol.
 */
package vn.sohoa.scanner;
