# syntax=docker/dockerfile:1
# PersonaCatalogue: styles and app built in separate stages, run as a non-root user with SQLite on a volume.
#   docker build -t persona-catalogue .
#   docker run -p 8080:8080 -v persona-data:/data persona-catalogue
# Behind a TLS-terminating proxy, add -e ForwardedHeaders__Enabled=true so the app sees https.

# 1. Styles: GOV.UK Frontend compiled with sass, then trimmed by PurgeCSS to what the views and C# files use.
FROM node:20-bookworm-slim AS styles
WORKDIR /src/src/PersonaCatalogue.Web
COPY src/PersonaCatalogue.Web/package.json src/PersonaCatalogue.Web/package-lock.json ./
RUN npm ci --no-audit --no-fund
COPY src/PersonaCatalogue.Web/Styles ./Styles
COPY src/PersonaCatalogue.Web/purgecss.config.cjs ./
COPY src/PersonaCatalogue.Web/Features ./Features
COPY src/PersonaCatalogue.Web/Infrastructure ./Infrastructure
RUN mkdir -p wwwroot/css && npm run build:css

# 2. App: restore first so the package layer is cached, then publish without re-running the styles build.
# global.json is left out on purpose: it pins the SDK for development, and the image's SDK is the one to use here.
FROM mcr.microsoft.com/dotnet/sdk:10.0 AS build
WORKDIR /src
COPY Directory.Build.props Directory.Packages.props ./
COPY src/PersonaCatalogue.Core/PersonaCatalogue.Core.csproj src/PersonaCatalogue.Core/
COPY src/PersonaCatalogue.Web/PersonaCatalogue.Web.csproj src/PersonaCatalogue.Web/
COPY src/PersonaCatalogue.Cli/PersonaCatalogue.Cli.csproj src/PersonaCatalogue.Cli/
RUN dotnet restore src/PersonaCatalogue.Web/PersonaCatalogue.Web.csproj && dotnet restore src/PersonaCatalogue.Cli/PersonaCatalogue.Cli.csproj
COPY src/ src/
COPY --from=styles /src/src/PersonaCatalogue.Web/wwwroot/css src/PersonaCatalogue.Web/wwwroot/css
RUN dotnet publish src/PersonaCatalogue.Web/PersonaCatalogue.Web.csproj -c Release -o /app --no-restore -p:SkipStyles=true
# The command line beside the site, reading the same settings: docker exec <container> dotnet cli/PersonaCatalogue.Cli.dll --help
RUN dotnet publish src/PersonaCatalogue.Cli/PersonaCatalogue.Cli.csproj -c Release -o /app/cli --no-restore

# 3. Runtime: ASP.NET Core only, the image's non-root 'app' user, the database on /data.
FROM mcr.microsoft.com/dotnet/aspnet:10.0 AS runtime
WORKDIR /app
COPY --from=build /app ./
COPY seed-data ./seed-data
RUN mkdir -p /data && chown app:app /data
ENV ASPNETCORE_URLS=http://+:8080 \
    ASPNETCORE_ENVIRONMENT=Production \
    Database__Path=/data/catalogue.db \
    SeedData__Path=/app/seed-data
USER app
VOLUME ["/data"]
EXPOSE 8080
ENTRYPOINT ["dotnet", "PersonaCatalogue.Web.dll"]
