using System.CommandLine;

namespace PersonaCatalogue.Cli.Commands;

public static class StaffCommand
{
    public static Command Create() => new("staff", "Staff accounts: add one, or give one a new password.")
    {
        StaffAddCommand.Create(),
        StaffResetCommand.Create(),
    };
}
