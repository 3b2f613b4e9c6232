/**
 * Driverless network scanners over eSCL (AirScan / Mopria): {@link vn.sohoa.scanner.escl.EsclScanner}
 * reads capabilities and status, starts scan jobs and fetches their pages.
 */
package vn.sohoa.scanner.escl;
