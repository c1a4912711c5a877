from storyscope.cli import main

main()
