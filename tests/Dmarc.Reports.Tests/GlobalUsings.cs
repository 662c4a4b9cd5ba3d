global using Dmarc.Reports.Aggregate;
global using Dmarc.Reports.Outcomes;
global using Dmarc.Reports.Tests.Support;
global using Xunit;
