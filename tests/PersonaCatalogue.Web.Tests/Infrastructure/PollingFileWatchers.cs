using System.Runtime.CompilerServices;

namespace PersonaCatalogue.Web.Tests.Infrastructure;

/// <summary>
/// Every test host watches its settings files and its web root (asp-append-version) for changes. On Linux each watch
/// takes an inotify instance, and a user may hold only 128 of them (the kernel's default, which CI keeps): with three
/// test projects running hosts side by side the suite ran out, and pages failed with 500s on an
/// <see cref="IOException"/>. The test processes (and the app processes they start, which inherit the variable) poll
/// files instead; nothing in the tests changes a watched file.
/// </summary>
internal static class PollingFileWatchers
{
    [ModuleInitializer]
    internal static void Use() => Environment.SetEnvironmentVariable("DOTNET_USE_POLLING_FILE_WATCHER", "true");
}
