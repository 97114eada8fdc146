using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;

namespace DigestBot.Tests.Storage;

/// <summary>Tests over the program's real services and a database file in a fresh temp folder, all removed afterwards.</summary>
public abstract class DatabaseTests : IDisposable
{
    protected readonly TempFolder folder = new();
    protected readonly ServiceProvider services;

    protected DatabaseTests() => services = TestServices.Create(folder);

    public void Dispose()
    {
        services.Dispose();
        SqliteConnection.ClearAllPools();
        folder.Dispose();
        GC.SuppressFinalize(this);
    }
}
