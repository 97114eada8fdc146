# Build with the SDK image, run on the smaller ASP.NET runtime image as a non-root user.
FROM mcr.microsoft.com/dotnet/sdk:10.0 AS build
WORKDIR /src
COPY Directory.Build.props Directory.Packages.props DigestBot.sln ./
COPY src/DigestBot/DigestBot.csproj src/DigestBot/
RUN dotnet restore src/DigestBot/DigestBot.csproj
COPY appsettings/ appsettings/
COPY src/ src/
RUN dotnet publish src/DigestBot/DigestBot.csproj -c Release -o /app --no-restore

FROM mcr.microsoft.com/dotnet/aspnet:10.0 AS runtime
WORKDIR /app
COPY --from=build /app ./
# The database and the inbox live on a volume owned by the app user (uid 1654 in .NET images).
RUN mkdir -p /data/inbox && chown -R app:app /data
USER app
ENV Storage__Path=/data/digestbot.db \
    Inbox__Path=/data/inbox \
    Urls=http://0.0.0.0:8080
VOLUME ["/data"]
EXPOSE 8080
ENTRYPOINT ["dotnet", "DigestBot.dll"]
CMD ["run"]
