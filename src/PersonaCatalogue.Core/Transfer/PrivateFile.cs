namespace PersonaCatalogue.Core.Transfer;

/// <summary>
/// Files the command line writes with personal data in them (exports, backups): created readable and writable by their
/// owner only (0600 on Unix), from the moment they exist, whatever the umask.
/// </summary>
public static class PrivateFile
{
    /// <summary>Creates a new file (never overwriting one); throws <see cref="IOException"/> when it exists.</summary>
    public static FileStream CreateNew(string path, int bufferSize = 4096)
    {
        var options = new FileStreamOptions
        {
            Mode = FileMode.CreateNew,
            Access = FileAccess.Write,
            Share = FileShare.None,
            BufferSize = bufferSize,
            Options = FileOptions.Asynchronous,
        };
        if (!OperatingSystem.IsWindows())
        {
            options.UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite;
        }

        return new FileStream(path, options);
    }
}
