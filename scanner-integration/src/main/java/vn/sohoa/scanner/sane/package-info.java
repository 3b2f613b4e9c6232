/**
 * Scanners served by a SANE daemon (saned): {@link vn.sohoa.scanner.sane.SaneScanner} connects and
 * lists devices, {@link vn.sohoa.scanner.sane.OpenSaneDevice} sets options and acquires pages.
 */
package vn.sohoa.scanner.sane;
