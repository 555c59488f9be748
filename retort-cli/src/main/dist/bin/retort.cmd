@echo off
rem Retort's command line, as unpacked from its zip: bin\ and lib\ side by side. Needs a JDK 17+
rem (JAVA_HOME, else java on the PATH); RETORT_JAVA_OPTS adds JVM options.
setlocal
set "RETORT_HOME=%~dp0.."
if defined JAVA_HOME (set "JAVA_EXE=%JAVA_HOME%\bin\java.exe") else (set "JAVA_EXE=java")
"%JAVA_EXE%" %RETORT_JAVA_OPTS% -cp "%RETORT_HOME%\lib\*" dev.retort.cli.Main %*
exit /b %ERRORLEVEL%
