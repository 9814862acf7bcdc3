namespace PartnerWatch.WebConsole;

/// <summary>
/// <c>PartnerWatch hash-password</c>: reads a password (typed without echo, or one line from standard input) and prints
/// its hash for <c>Console:Users:N:PasswordHash</c>. The password never appears on the command line or in a log.
/// </summary>
public static class HashPasswordCommand
{
    public const int MinLength = 8;

    public static int Run(TextReader stdin, TextWriter stdout, TextWriter stderr, bool interactive)
    {
        string? password;
        if (interactive)
        {
            stderr.Write("Password: ");
            password = ReadHidden();
            stderr.WriteLine();
        }
        else
        {
            password = stdin.ReadLine();
        }

        if (string.IsNullOrEmpty(password) || password.Length < MinLength)
        {
            stderr.WriteLine($"error: the password must have at least {MinLength} characters");
            return 2;
        }

        stdout.WriteLine(PasswordHashes.Hash(password));
        return 0;
    }

    private static string ReadHidden()
    {
        var password = new System.Text.StringBuilder();
        while (true)
        {
            var key = System.Console.ReadKey(intercept: true);
            if (key.Key == ConsoleKey.Enter) return password.ToString();
            if (key.Key == ConsoleKey.Backspace) { if (password.Length > 0) password.Length--; }
            else if (!char.IsControl(key.KeyChar)) password.Append(key.KeyChar);
        }
    }
}
