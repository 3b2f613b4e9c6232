package vn.sohoa.app.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The {@code sohoa} command line: digitize files, run the service, and the other tools. */
@Command(name = "sohoa", mixinStandardHelpOptions = true, versionProvider = SohoaVersion.class,
        description = "SoHoa: số hóa hồ sơ và kết quả giải quyết TTHC — scans to searchable PDF/A with the fields read.",
        subcommands = {OcrCommand.class, ScanCommand.class, ImportCommand.class, CoverSheetCommand.class, ServeCommand.class,
                vn.sohoa.app.report.ReportCommand.class, CommandLine.HelpCommand.class})
public final class SohoaCommand implements Runnable {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(System.out);
    }

    public static void main(String[] args) {
        CrashRestarts.launchedAsProgram();
        System.exit(new CommandLine(new SohoaCommand())
                .setCaseInsensitiveEnumValuesAllowed(true)
                // a problem a user can fix is a message, not a stack trace
                .setExecutionExceptionHandler((error, command, parsed) -> {
                    command.getErr().println("sohoa " + command.getCommandName() + ": " + error.getMessage());
                    return 2;
                })
                .execute(args));
    }
}
